// Search folding: case and accents never hide a match, but Cyrillic letters stay letters.

#include "search/searchtext.h"

#include <gtest/gtest.h>

using namespace claimline;

namespace {

QString fold(const char *utf8)
{
    return foldForSearch(QString::fromUtf8(utf8));
}

std::string foldUtf8(const char *utf8)
{
    std::string out;
    foldForSearchUtf8(utf8, out);
    return out;
}

} // namespace

TEST(SearchText, CaseAndLatinAccentsFold)
{
    EXPECT_EQ(fold("KALLAS"), QStringLiteral("kallas"));
    EXPECT_EQ(fold("Élysée"), QStringLiteral("elysee"));
    EXPECT_EQ(fold("Zürich"), QStringLiteral("zurich"));
    EXPECT_EQ(fold("Straße"), QStringLiteral("strasse"));
    EXPECT_EQ(fold("Łódź").size(), 4); // ł has no decomposition: kept, lower-cased
}

TEST(SearchText, CyrillicYoFoldsButShortIAndYiDoNot)
{
    EXPECT_EQ(fold("Ёлка"), fold("елка"));
    EXPECT_EQ(fold("ЗЕЛЕНСКИЙ"), fold("зеленский"));
    EXPECT_NE(fold("й"), fold("и"));
    EXPECT_NE(fold("ї"), fold("і"));
    EXPECT_NE(fold("ў"), fold("у"));
    EXPECT_EQ(fold("Київ"), QString::fromUtf8("київ"));
    // Decomposed input (и + combining breve) is still the letter й.
    EXPECT_EQ(fold("\xd0\xb8\xcc\x86"), fold("й"));
}

TEST(SearchText, ContainsFoldedFindsAcrossCaseAndAccents)
{
    EXPECT_TRUE(containsFolded(QStringLiteral("Lavrov: state terrorism"), fold("TERROR")));
    EXPECT_TRUE(containsFolded(QString::fromUtf8("Сергей Лавров заявил"), fold("лавров")));
    EXPECT_TRUE(containsFolded(QString::fromUtf8("Всё решено"), fold("все")));
    EXPECT_FALSE(containsFolded(QString::fromUtf8("Київ"), fold("Киів")));
    EXPECT_TRUE(containsFolded(QStringLiteral("anything"), QString()));
}

TEST(SearchText, Utf8FoldingMatchesQStringFolding)
{
    for (const char *text : {"KALLAS", "Élysée", "Ёлка", "Київ", "Straße", "plain ascii 123",
                             "Zelens\xe2\x80\xaeкий"}) {
        EXPECT_EQ(QString::fromStdString(foldUtf8(text)), fold(text)) << text;
    }
    // Invalid UTF-8 becomes U+FFFD, never a crash or a dropped byte run.
    EXPECT_EQ(QString::fromStdString(foldUtf8("a\xff"
                                              "b")),
              QString::fromUtf8("a\xef\xbf\xbd"
                                "b"));
}
