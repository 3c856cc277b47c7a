// LinkOpener: the one way an address opens (Details, the Inspector's source actions). A refused
// address never asks and never opens; a declined one never opens; the user is asked over the
// widget the request came from, with the whole address as it will open.

#include "common/linkopener.h"

#include <QWidget>

#include <gtest/gtest.h>

using namespace claimline;

namespace {

class LinkOpenerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_opener.setHandlers(
            [this](QWidget *parent, const QString &address) {
                m_parents << parent;
                m_confirmed << address;
                return m_agree;
            },
            [this](QWidget *parent, const QString &address, const QString &reason) {
                m_parents << parent;
                m_refused << address + u'|' + reason;
            },
            [this](const QUrl &url) {
                m_opened << url;
                return true;
            });
    }

    LinkOpener m_opener;
    QWidget m_parent;
    QList<QWidget *> m_parents;
    QStringList m_confirmed;
    QStringList m_refused;
    QList<QUrl> m_opened;
    bool m_agree = true;
};

} // namespace

TEST_F(LinkOpenerTest, AnAllowedAddressOpensAfterTheUserSawItWhole)
{
    EXPECT_TRUE(m_opener.open(QStringLiteral(" https://\u0430pple.com/a b "), &m_parent));
    ASSERT_EQ(m_confirmed.size(), 1);
    EXPECT_EQ(m_confirmed[0], QStringLiteral("https://xn--pple-43d.com/a%20b"));
    ASSERT_EQ(m_opened.size(), 1);
    EXPECT_EQ(m_opened[0].toString(QUrl::FullyEncoded), m_confirmed[0]);
    EXPECT_EQ(m_parents, QList<QWidget *> {&m_parent});

    // A URL goes the same way (evidence, later, will come as one).
    EXPECT_TRUE(m_opener.open(QUrl(QStringLiteral("http://example.org/x?y=1")), &m_parent));
    EXPECT_EQ(m_confirmed.last(), QStringLiteral("http://example.org/x?y=1"));
    EXPECT_EQ(m_opened.size(), 2);
}

TEST_F(LinkOpenerTest, ARefusedAddressIsNeverOpenedNorOffered)
{
    for (const char *address : {"file:///etc/passwd", "javascript:alert(1)",
                                "data:text/html,<b>x</b>", "", "https://", "example.org"}) {
        EXPECT_FALSE(m_opener.open(QString::fromUtf8(address), &m_parent)) << address;
        EXPECT_FALSE(m_opener.openWaybackLookup(QString::fromUtf8(address), &m_parent)) << address;
    }
    EXPECT_FALSE(m_opener.open(QUrl::fromLocalFile(QStringLiteral("/etc/passwd")), &m_parent));
    EXPECT_TRUE(m_confirmed.isEmpty());
    EXPECT_TRUE(m_opened.isEmpty());
    ASSERT_EQ(m_refused.size(), 13);
    EXPECT_TRUE(m_refused[0].startsWith(QStringLiteral("file:///etc/passwd|")));
    EXPECT_TRUE(m_refused[0].contains(QStringLiteral("only http and https")));
    EXPECT_EQ(m_refused[1], m_refused[0]); // the lookup of a refused address: the same reason
}

TEST_F(LinkOpenerTest, ADeclinedConfirmationOpensNothing)
{
    m_agree = false;
    EXPECT_FALSE(m_opener.open(QStringLiteral("https://example.org/"), &m_parent));
    EXPECT_FALSE(m_opener.openWaybackLookup(QStringLiteral("https://example.org/"), &m_parent));
    EXPECT_EQ(m_confirmed.size(), 2);
    EXPECT_TRUE(m_opened.isEmpty());
    EXPECT_TRUE(m_refused.isEmpty());
}

TEST_F(LinkOpenerTest, TheWaybackLookupOfAnAddressWithQueryAndFragment)
{
    EXPECT_TRUE(m_opener.openWaybackLookup(
        QStringLiteral("https://news.example/world/article?id=42&utm_source=x#comments"),
        &m_parent));
    const QString expected = QStringLiteral(
        "https://web.archive.org/web/*/https://news.example/world/article?id=42&utm_source=x");
    ASSERT_EQ(m_confirmed.size(), 1);
    EXPECT_EQ(m_confirmed[0], expected);
    ASSERT_EQ(m_opened.size(), 1);
    EXPECT_EQ(m_opened[0].toString(QUrl::FullyEncoded), expected);
    EXPECT_EQ(m_opened[0].host(), QStringLiteral("web.archive.org"));
    EXPECT_TRUE(m_opened[0].fragment().isEmpty());
}
