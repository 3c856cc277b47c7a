// InspectorView: a source's archived copy, access date and language (issue 21), and its
// web actions (Open Link, Look Up in the Wayback Machine, Open Archived Copy) through the
// LinkOpener: each edit one undo step that undo takes back; bad input refused inline.

#include "common/linkopener.h"
#include "inspectorfixture.h"

#include <QAction>
#include <QToolButton>

using namespace claimline;
using namespace claimline::test;

namespace {

class InspectorSourceTest : public InspectorTest
{
protected:
    void SetUp() override
    {
        InspectorTest::SetUp();
        m_view.linkOpener().setHandlers(
            [this](QWidget *, const QString &address) {
                m_confirmed << address;
                return m_open;
            },
            [this](QWidget *, const QString &address, const QString &reason) {
                m_refused << address + u'|' + reason;
            },
            [this](const QUrl &url) {
                m_opened << url;
                return true;
            });
        m_item = selectItem("src-001");
    }

    QString undoText(const char *action) const
    {
        return QString::fromUtf8(action) + m_document.quotedName(m_item);
    }

    ItemRef m_item;
    QStringList m_confirmed;
    QStringList m_refused;
    QList<QUrl> m_opened;
    bool m_open = true;
};

} // namespace

TEST_F(InspectorSourceTest, ArchiveUrlIsOneStepThatUndoTakesBack)
{
    auto *archive = child<QLineEdit>("inspectorArchiveUrl");
    ASSERT_TRUE(archive);
    EXPECT_TRUE(archive->isVisibleTo(&m_view));
    EXPECT_TRUE(archive->text().isEmpty());
    const QString address
        = QStringLiteral("https://web.archive.org/web/20260101000000/https://example.org/a");
    retype(archive, address);
    EXPECT_EQ(text(source(m_item).archiveUrl), address);
    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 1);
    EXPECT_EQ(stack->undoText(), undoText("Change archive URL of "));
    EXPECT_TRUE(stack->undoText().startsWith(QStringLiteral("Change archive URL of ‘US finds")));

    undoStep();
    EXPECT_TRUE(source(m_item).archiveUrl.isEmpty());
    EXPECT_TRUE(archive->text().isEmpty());
    EXPECT_FALSE(m_document.isModified());
    redoStep();
    EXPECT_EQ(text(source(m_item).archiveUrl), address);
    EXPECT_EQ(archive->text(), address);
}

TEST_F(InspectorSourceTest, AnUnsafeArchiveUrlIsRefusedInlineAndNeverWritten)
{
    auto *archive = child<QLineEdit>("inspectorArchiveUrl");
    auto *note = child<QLabel>("inspectorArchiveUrlNote");
    ASSERT_TRUE(archive && note);
    for (const char *bad : {"javascript:alert(1)", "file:///etc/passwd", "archive.org/x"}) {
        retype(archive, QString::fromUtf8(bad));
        EXPECT_TRUE(source(m_item).archiveUrl.isEmpty()) << bad;
        EXPECT_TRUE(note->isVisibleTo(&m_view)) << bad;
        EXPECT_TRUE(note->text().startsWith(QStringLiteral("Not saved: "))) << bad;
    }
    EXPECT_TRUE(note->text().contains(QStringLiteral("no scheme")));
    EXPECT_EQ(m_document.undoStack()->count(), 0);
    EXPECT_FALSE(m_document.isModified());

    // A look-alike host is saved, and shown as it will open. (Pasted: QTest types ASCII only.)
    archive->setFocus();
    archive->selectAll();
    archive->insert(QStringLiteral("https://\u0430rchive.org/x"));
    QTest::keyClick(archive, Qt::Key_Return);
    settle();
    EXPECT_EQ(text(source(m_item).archiveUrl), QStringLiteral("https://\u0430rchive.org/x"));
    EXPECT_TRUE(note->text().startsWith(QStringLiteral("Opens as https://xn--")))
        << note->text().toStdString();
}

TEST_F(InspectorSourceTest, AccessDateIsATimeFieldThatMayBeEmpty)
{
    auto *accessed = child<QLineEdit>("inspectorAccessed");
    ASSERT_TRUE(accessed);
    EXPECT_TRUE(source(m_item).accessed.isNull());
    EXPECT_TRUE(shows(QStringLiteral("no time")));

    retype(accessed, QStringLiteral("2026-13-40"));
    EXPECT_TRUE(source(m_item).accessed.isNull()); // never written
    EXPECT_TRUE(child<QLabel>("inspectorAccessedReading")
                    ->text()
                    .startsWith(QStringLiteral("Not saved: ")));
    EXPECT_EQ(m_document.undoStack()->count(), 0);

    retype(accessed, QStringLiteral("2026-01-02"));
    EXPECT_EQ(source(m_item).accessed, FuzzyTime::parse("2026-01-02").value());
    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 1);
    EXPECT_EQ(stack->undoText(), undoText("Change access date of "));
    undoStep();
    EXPECT_TRUE(source(m_item).accessed.isNull());
    EXPECT_TRUE(accessed->text().isEmpty());
    redoStep();
    EXPECT_EQ(accessed->text(), QStringLiteral("2026-01-02"));

    // Emptied: no access date again.
    retype(accessed, {});
    EXPECT_TRUE(source(m_item).accessed.isNull());
}

TEST_F(InspectorSourceTest, LanguageIsALanguageCodeOrNothing)
{
    auto *language = child<QLineEdit>("inspectorLanguage");
    ASSERT_TRUE(language);
    EXPECT_EQ(language->text(), QStringLiteral("en"));
    retype(language, QStringLiteral("ru"));
    EXPECT_EQ(text(source(m_item).language), QStringLiteral("ru"));
    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 1);
    EXPECT_EQ(stack->undoText(), undoText("Change language of "));

    // Not a code: refused with the reason, the source keeps "ru".
    retype(language, QStringLiteral("Russian"));
    EXPECT_EQ(text(source(m_item).language), QStringLiteral("ru"));
    EXPECT_TRUE(shows(QStringLiteral("Not saved: a language code starts with two or three")));
    retype(language, QStringLiteral("en_GB"));
    EXPECT_TRUE(shows(QStringLiteral("hyphen, not an underscore")));
    EXPECT_EQ(stack->count(), 1);

    undoStep();
    EXPECT_EQ(text(source(m_item).language), QStringLiteral("en"));
    retype(language, QStringLiteral("pt-BR"));
    EXPECT_EQ(text(source(m_item).language), QStringLiteral("pt-BR"));
    EXPECT_FALSE(shows(QStringLiteral("Not saved")));
    retype(language, {});
    EXPECT_TRUE(source(m_item).language.isEmpty());
}

TEST_F(InspectorSourceTest, WebActionsGoThroughTheCheckAndTheConfirmation)
{
    auto *openLink = child<QAction>("inspectorOpenLink");
    auto *wayback = child<QAction>("inspectorWaybackLookup");
    auto *openArchive = child<QAction>("inspectorOpenArchive");
    auto *urlButton = child<QToolButton>("inspectorUrlActions");
    auto *archiveButton = child<QToolButton>("inspectorArchiveUrlActions");
    ASSERT_TRUE(openLink && wayback && openArchive && urlButton && archiveButton);
    EXPECT_TRUE(urlButton->isVisibleTo(&m_view));
    EXPECT_EQ(urlButton->text(), QStringLiteral("Open"));
    // No address, nothing to open.
    EXPECT_FALSE(openLink->isEnabled());
    EXPECT_FALSE(wayback->isEnabled());
    EXPECT_FALSE(openArchive->isEnabled());
    EXPECT_FALSE(archiveButton->isEnabled());

    retype(child<QLineEdit>("inspectorUrl"),
           QStringLiteral("https://example.org/news/a b?id=5&lang=en#comments"));
    EXPECT_TRUE(openLink->isEnabled());
    EXPECT_TRUE(wayback->isEnabled());
    EXPECT_FALSE(openArchive->isEnabled());

    openLink->trigger();
    ASSERT_EQ(m_confirmed.size(), 1);
    EXPECT_EQ(m_confirmed[0],
              QStringLiteral("https://example.org/news/a%20b?id=5&lang=en#comments"));
    ASSERT_EQ(m_opened.size(), 1);
    EXPECT_EQ(m_opened[0].toString(QUrl::FullyEncoded), m_confirmed[0]);

    // The lookup keeps the query (the archive reads it as part of the address) and drops the
    // fragment, which never reaches a server.
    wayback->trigger();
    ASSERT_EQ(m_confirmed.size(), 2);
    EXPECT_EQ(m_confirmed[1],
              QStringLiteral("https://web.archive.org/web/*/"
                             "https://example.org/news/a%20b?id=5&lang=en"));
    ASSERT_EQ(m_opened.size(), 2);
    EXPECT_EQ(m_opened[1].host(), QStringLiteral("web.archive.org"));
    EXPECT_EQ(m_opened[1].toString(QUrl::FullyEncoded), m_confirmed[1]);

    retype(child<QLineEdit>("inspectorArchiveUrl"), QStringLiteral("https://archive.ph/AbCd"));
    ASSERT_TRUE(openArchive->isEnabled());
    EXPECT_TRUE(archiveButton->isEnabled());
    openArchive->trigger();
    ASSERT_EQ(m_opened.size(), 3);
    EXPECT_EQ(m_opened[2].toString(), QStringLiteral("https://archive.ph/AbCd"));

    // Declined: nothing opens.
    m_open = false;
    for (QAction *action : {openLink, wayback, openArchive})
        action->trigger();
    EXPECT_EQ(m_confirmed.size(), 6);
    EXPECT_EQ(m_opened.size(), 3);
    EXPECT_TRUE(m_refused.isEmpty());
}

TEST_F(InspectorSourceTest, AnUnsafeAddressIsRefusedWithoutAskingAndNeverOpens)
{
    auto *url = child<QLineEdit>("inspectorUrl");
    // Typed, not yet saved (or refused): what the field shows is what the actions check.
    url->setFocus();
    QTest::keyClicks(url, QStringLiteral("javascript:alert(1)"));
    settle();
    ASSERT_TRUE(child<QAction>("inspectorOpenLink")->isEnabled());
    child<QAction>("inspectorOpenLink")->trigger();
    child<QAction>("inspectorWaybackLookup")->trigger();
    ASSERT_EQ(m_refused.size(), 2);
    EXPECT_TRUE(m_refused[0].startsWith(QStringLiteral("javascript:alert(1)|")));
    EXPECT_TRUE(m_refused[0].contains(QStringLiteral("only http and https")));
    EXPECT_EQ(m_refused[1], m_refused[0]);
    EXPECT_TRUE(m_confirmed.isEmpty());
    EXPECT_TRUE(m_opened.isEmpty());
    QTest::keyClick(url, Qt::Key_Return);
    settle();
    EXPECT_TRUE(source(m_item).url.isEmpty());
}

TEST_F(InspectorSourceTest, TheFormReadsInBothPalettes)
{
    retype(child<QLineEdit>("inspectorUrl"), QStringLiteral("https://example.org/a"));
    retype(child<QLineEdit>("inspectorArchiveUrl"), QStringLiteral("ftp://example.org/a"));
    retype(child<QLineEdit>("inspectorLanguage"), QStringLiteral("English"));
    m_view.resize(460, 1000);
    settle();
    // Every row fits the Inspector's width: no field is pushed past its right edge.
    for (const char *name : {"inspectorUrlActions", "inspectorArchiveUrlActions",
                             "inspectorLanguage", "inspectorSourceNotes"}) {
        auto *widget = child<QWidget>(name);
        const QPoint right = widget->mapTo(&m_view, QPoint(widget->width(), 0));
        EXPECT_LE(right.x(), m_view.width()) << name;
    }
    // Both address fields line up, whatever their buttons hold.
    EXPECT_EQ(child<QLineEdit>("inspectorUrl")->width(),
              child<QLineEdit>("inspectorArchiveUrl")->width());
    m_view.grab().save(shotPath(QStringLiteral("inspector-source-light.png")));

    // Problems shown before the theme changes take the red that reads on the new window.
    const auto red = [this](const char *name) {
        return child<QLabel>(name)->palette().color(QPalette::WindowText);
    };
    EXPECT_EQ(red("inspectorArchiveUrlNote"), QColor(0xb0, 0x00, 0x20));
    m_view.setPalette(test::darkPalette());
    settle();
    EXPECT_EQ(red("inspectorArchiveUrlNote"), QColor(0xff, 0x8a, 0x80));
    EXPECT_EQ(red("inspectorLanguageProblem"), QColor(0xff, 0x8a, 0x80));
    m_view.grab().save(shotPath(QStringLiteral("inspector-source-dark.png")));
    m_view.setPalette(QPalette());
    settle();
    EXPECT_EQ(red("inspectorLanguageProblem"), QColor(0xb0, 0x00, 0x20));
    // A note is not a problem: it keeps the palette's own colours.
    retype(child<QLineEdit>("inspectorUrl"), QStringLiteral("https://example.org/a b"));
    m_view.setPalette(test::darkPalette());
    settle();
    ASSERT_TRUE(child<QLabel>("inspectorUrlNote")->isVisibleTo(&m_view));
    EXPECT_EQ(child<QLabel>("inspectorUrlNote")->foregroundRole(), QPalette::PlaceholderText);
    EXPECT_EQ(child<QLabel>("inspectorUrlNote")->palette().color(QPalette::PlaceholderText),
              test::darkPalette().color(QPalette::PlaceholderText));
}
