// DetailsView: what it says about the selected event, claim, party, actor, source or
// question of the sample; file text shown as plain text with hidden characters made visible;
// a burst of selection changes costs one rebuild.

#include "common/linkopener.h"
#include "details/detailsview.h"
#include "document/document.h"
#include "document/selection.h"
#include "testsupport.h"
#include "text/visibletext.h"

#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextEdit>
#include <QTextFragment>
#include <QTimeZone>

#include <gtest/gtest.h>

using namespace claimline;

namespace {

// Runs the queued refresh: the view rebuilds on the next turn of the event loop.
void settle()
{
    QCoreApplication::processEvents();
}

ItemRef find(const Document &document, std::string_view id)
{
    const std::optional<ItemRef> item = document.project().find(id);
    EXPECT_TRUE(item.has_value()) << id;
    return item.value_or(ItemRef {});
}

// A project file written to a temporary folder and loaded.
bool loadJson(Document &document, const QTemporaryDir &dir, const char *json)
{
    const QString path = dir.filePath(QStringLiteral("test.claimline"));
    if (!test::writeFile(path, json))
        return false;
    const Problems problems = document.load(path);
    for (const Problem &problem : problems)
        ADD_FAILURE() << problem.toString().toStdString();
    return problems.empty();
}

class DetailsViewTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_document.load(test::samplePath()).empty()); }

    // The view's text after selecting the item with this id.
    QString textFor(std::string_view id)
    {
        m_selection.select(find(m_document, id));
        settle();
        return m_view.text();
    }

    Document m_document;
    Selection m_selection;
    DetailsView m_view {&m_document, &m_selection};
};

#define EXPECT_CONTAINS(text, part)                                                                \
    EXPECT_TRUE((text).contains(part)) << "missing: " << QString(part).toStdString() << "\nin:\n"  \
                                       << (text).toStdString()

} // namespace

TEST_F(DetailsViewTest, NothingSelectedShowsAHint)
{
    settle();
    EXPECT_EQ(m_view.text(),
              QStringLiteral("Select an event or claim on the timeline to see its details."));
}

TEST_F(DetailsViewTest, EventShowsTitleDateStatusPartiesSourcesAndClaims)
{
    const QString text = textFor("ev-residence-drones");
    EXPECT_TRUE(
        text.startsWith(QStringLiteral("Alleged drone attack on Putin's Novgorod residence\n")))
        << text.toStdString();
    EXPECT_CONTAINS(text, QString::fromUtf8("Date: 28–29 Dec 2025 (EDTF 2025-12-28/2025-12-29)"));
    EXPECT_CONTAINS(text, QStringLiteral("Parties: Russia, Ukraine"));
    EXPECT_CONTAINS(text, QStringLiteral("Kind: strike"));
    EXPECT_CONTAINS(text, QStringLiteral("Tags: allegation, drones, residence, deep-strike"));
    EXPECT_CONTAINS(text,
                    QStringLiteral("Location: Dolgiye Borody presidential residence, "
                                   "Novgorod region, Russia"));
    EXPECT_CONTAINS(text, QStringLiteral("Status: disputed"));
    EXPECT_CONTAINS(text,
                    QString::fromUtf8("• 29 Dec 2025 — disputed: "
                                      "Zelenskyy calls the story a complete fabrication."));
    EXPECT_CONTAINS(text, QStringLiteral("Moscow says Ukraine sent 91 long-range drones"));
    // Sources: title, reliability, publication date and the excerpt.
    EXPECT_CONTAINS(text, QStringLiteral("Sources (4)"));
    EXPECT_CONTAINS(text,
                    QString::fromUtf8("• Russia Claims Ukraine Attacked Putin’s Residence — Can "
                                      "Peace Talks Survive\n   Hungarian Conservative · "
                                      "reliability C · published 29 Dec 2025 – 31 Dec 2025?"));
    EXPECT_CONTAINS(text,
                    QString::fromUtf8("“alleging the attempt was carried out on the night "
                                      "of December 28-29”"));
    // The claims about it, with claimant and date.
    EXPECT_CONTAINS(text, QStringLiteral("Claims about this event (25)"));
    EXPECT_CONTAINS(text,
                    QString::fromUtf8("• Sergei Lavrov (Russia), 29 Dec 2025\n"
                                      "   Lavrov said Ukraine had sent 91 long-range drones"));
    EXPECT_CONTAINS(text, QStringLiteral("Notes\nResidence name from 002"));
}

TEST_F(DetailsViewTest, ClaimShowsStatementClaimantAndAnswersWithLags)
{
    const QString text = textFor("claim-91-drones");
    EXPECT_TRUE(text.startsWith(QStringLiteral("Claim by Sergei Lavrov (Russia)\n"
                                               "Lavrov said Ukraine had sent 91 long-range drones "
                                               "against Putin's Novgorod residence")))
        << text.toStdString();
    EXPECT_CONTAINS(text, QStringLiteral("Made: 29 Dec 2025 (EDTF 2025-12-29)"));
    EXPECT_CONTAINS(text,
                    QStringLiteral("About: Alleged drone attack on Putin's Novgorod residence"));
    EXPECT_CONTAINS(text, QStringLiteral("Question: How large was the operation?"));
    EXPECT_CONTAINS(text, QStringLiteral("Stance: affirms"));
    EXPECT_CONTAINS(text, QStringLiteral("Credibility: 4 (doubtful)"));
    EXPECT_CONTAINS(text, QStringLiteral("Status: disputed"));
    EXPECT_CONTAINS(text, QStringLiteral("No proof offered; Reuters could not verify."));
    EXPECT_CONTAINS(text,
                    QString::fromUtf8("“According to Russian Foreign Minister Sergei Lavrov"));
    // Six answers, in the order they were made. Two claims of the same day: the lag is 0 to
    // 24 hours; a corroboration two days later: 1 to 3 days.
    EXPECT_CONTAINS(text, QStringLiteral("Answered by (6)"));
    EXPECT_CONTAINS(text,
                    QString::fromUtf8("• Volodymyr Zelenskyy (Ukraine) denies · lag 0–24 h\n"
                                      "   Zelenskyy flatly denied the story"));
    EXPECT_CONTAINS(text,
                    QString::fromUtf8("• A senior Russian officer (Russia) corroborates · "
                                      "lag +1–3 d"));
    EXPECT_CONTAINS(text,
                    QString::fromUtf8("• Kaja Kallas (European Union) disputes · lag +1–3 d"));
    EXPECT_FALSE(text.contains(QStringLiteral("No answer recorded")));
    // It answers nothing itself.
    EXPECT_FALSE(text.contains(QStringLiteral("Answers (")));
}

TEST_F(DetailsViewTest, ClaimShowsWhatItAnswersAndItsQuote)
{
    const QString text = textFor("claim-fabrication");
    EXPECT_CONTAINS(text, QStringLiteral("Answers (3)"));
    EXPECT_CONTAINS(text,
                    QString::fromUtf8("• denies Sergei Lavrov (Russia) · lag 0–24 h\n"
                                      "   Lavrov said Ukraine had sent 91 long-range drones"));
    EXPECT_CONTAINS(text,
                    QString::fromUtf8("Quote\n“a complete fabrication”\n"
                                      "Speaker: Volodymyr Zelenskyy\nLanguage: en"));
}

TEST_F(DetailsViewTest, ClaimWithoutAnswersSaysSoAndShowsWhoRelayedIt)
{
    EXPECT_CONTAINS(textFor("claim-90-percent"),
                    QStringLiteral("Answered by (0)\n• No answer recorded"));
    const QString relayed = textFor("claim-military-objective");
    EXPECT_CONTAINS(relayed,
                    QStringLiteral("Claim by A US official familiar with the intelligence "
                                   "findings (United States)"));
    EXPECT_CONTAINS(relayed, QStringLiteral("Via: The Wall Street Journal"));
}

TEST_F(DetailsViewTest, PartyActorSourceAndQuestionInBrief)
{
    const QString party = textFor("russia");
    EXPECT_TRUE(party.startsWith(QStringLiteral("Russia\n"))) << party.toStdString();
    EXPECT_CONTAINS(party,
                    QStringLiteral("Short name: RU\nKind: state\nColour: #D55E00\n"
                                   "Events: 20\nClaims: 16"));

    const QString actor = textFor("lavrov");
    EXPECT_CONTAINS(actor,
                    QStringLiteral("Sergei Lavrov\nRole: Foreign Minister of Russia\n"
                                   "Party: Russia"));

    const QString source = textFor("src-003");
    EXPECT_CONTAINS(source, QStringLiteral("Reliability: C (fairly reliable)"));
    EXPECT_CONTAINS(
        source,
        QString::fromUtf8("Published: 29 Dec 2025 – 30 Dec 2025? (EDTF 2025-12-29/2025-12-30?)"));

    const QString question = textFor("q-scale");
    EXPECT_EQ(question, QStringLiteral("How large was the operation?\nClaims: 2\nId: q-scale"));
}

TEST_F(DetailsViewTest, SeveralItemsSayHowManyThenShowTheCurrentOne)
{
    const ItemRef event = find(m_document, "ev-residence-drones");
    const ItemRef claim = find(m_document, "claim-91-drones");
    const ItemRef party = find(m_document, "ukraine");
    m_selection.setItems({event, party, claim}, event);
    settle();
    EXPECT_TRUE(m_view.text().startsWith(
        QStringLiteral("3 items selected\nAlleged drone attack on Putin's Novgorod residence\n")))
        << m_view.text().toStdString();
}

TEST_F(DetailsViewTest, BurstOfSelectionChangesRebuildsOnce)
{
    settle();
    const int before = m_view.refreshCount();
    const std::size_t claims = m_document.project().claims().size();
    for (std::uint32_t i = 0; i < 100; ++i)
        m_selection.select({ItemKind::Claim, std::uint32_t(i % claims)});
    EXPECT_EQ(m_view.refreshCount(), before); // nothing yet: the rebuild waits for the loop
    settle();
    EXPECT_EQ(m_view.refreshCount(), before + 1);
    // And the one rebuild shows the last selection.
    const Claim &last = m_document.project().claims()[99 % claims];
    EXPECT_CONTAINS(m_view.text(), m_document.project().text(last.statement));
    settle();
    EXPECT_EQ(m_view.refreshCount(), before + 1);
}

TEST_F(DetailsViewTest, EditsAndResetsRefreshTheText)
{
    const ItemRef event = find(m_document, "ev-residence-drones");
    textFor("ev-residence-drones");
    m_document.setEventTitle(event.index, QStringLiteral("Renamed event"));
    settle();
    EXPECT_TRUE(m_view.text().startsWith(QStringLiteral("Renamed event\n")));

    // A selection left over from a bigger project is never read out of range.
    m_selection.select({ItemKind::Claim, 39});
    settle();
    QTemporaryDir dir;
    ASSERT_TRUE(loadJson(m_document, dir, R"({"format": "claimline", "version": 1})"));
    settle();
    EXPECT_EQ(m_view.text(),
              QStringLiteral("Select an event or claim on the timeline to see its details."));
}

TEST_F(DetailsViewTest, TimesOfDayFollowTheDisplayZone)
{
    QTemporaryDir dir;
    ASSERT_TRUE(loadJson(m_document, dir, R"({"format": "claimline", "version": 1,
        "events": [{"id": "e1", "title": "Late", "when": "2025-12-28T22:00Z"}]})"));
    m_selection.select(find(m_document, "e1"));
    settle();
    EXPECT_CONTAINS(m_view.text(),
                    QStringLiteral("Date: 28 Dec 2025, 22:00 UTC (EDTF 2025-12-28T22:00Z)"));
    m_view.setTimeZone(QTimeZone(QByteArrayLiteral("Europe/Moscow")));
    settle();
    EXPECT_CONTAINS(m_view.text(),
                    QStringLiteral("Date: 29 Dec 2025, 01:00 MSK (EDTF 2025-12-28T22:00Z)"));
}

TEST_F(DetailsViewTest, MarkupFromFilesIsShownAsText)
{
    QTemporaryDir dir;
    ASSERT_TRUE(loadJson(m_document, dir, R"({"format": "claimline", "version": 1,
        "parties": [{"id": "p", "name": "<i>Party</i>"}],
        "events": [{"id": "e1", "title": "<img src=\"file:///etc/passwd\"><b>x</b>",
                    "when": "2025-12-29", "parties": ["p"],
                    "summary": "<a href=\"https://example.org\">link</a>"}]})"));
    m_selection.select(find(m_document, "e1"));
    settle();
    const QString text = m_view.text();
    EXPECT_TRUE(text.startsWith(QStringLiteral("<img src=\"file:///etc/passwd\"><b>x</b>\n")))
        << text.toStdString();
    EXPECT_CONTAINS(text, QStringLiteral("Parties: <i>Party</i>"));
    EXPECT_CONTAINS(text, QStringLiteral("<a href=\"https://example.org\">link</a>"));

    for (const QLabel *label : m_view.findChildren<QLabel *>())
        EXPECT_EQ(label->textFormat(), Qt::PlainText) << label->text().toStdString();
    for (const QTextEdit *edit : m_view.findChildren<QTextEdit *>())
        EXPECT_FALSE(edit->acceptRichText());
    // The text document holds the characters, not an image or a link made of them.
    const auto edits = m_view.findChildren<QPlainTextEdit *>();
    ASSERT_FALSE(edits.isEmpty());
    for (const QPlainTextEdit *edit : edits) {
        EXPECT_TRUE(edit->isReadOnly());
        for (QTextBlock block = edit->document()->begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                EXPECT_FALSE(it.fragment().charFormat().isImageFormat());
                EXPECT_FALSE(it.fragment().charFormat().isAnchor());
            }
        }
    }
}

TEST_F(DetailsViewTest, BidiOverridesAndControlsAreShownNotObeyed)
{
    QTemporaryDir dir;
    ASSERT_TRUE(
        loadJson(m_document, dir,
                 "{\"format\": \"claimline\", \"version\": 1, \"events\": [{\"id\": \"e1\", "
                 "\"title\": \"Strike by \\u202eaissuR\\u202c\\nand more\", "
                 "\"when\": \"2025-12-29\", \"tags\": [\"t\\u202eag\"]}]}"));
    m_selection.select(find(m_document, "e1"));
    settle();
    const QString text = m_view.text();
    EXPECT_TRUE(
        text.startsWith(QString::fromUtf8("Strike by ⟨U+202E⟩aissuR⟨U+202C⟩⟨U+000A⟩and more\n")))
        << text.toStdString();
    EXPECT_EQ(text.section(QLatin1Char('\n'), 0, 0),
              visibleText(QString::fromUtf8("Strike by \u202eaissuR\u202c\nand more")));
    EXPECT_CONTAINS(text, QString::fromUtf8("Tags: t⟨U+202E⟩ag"));
    EXPECT_FALSE(text.contains(QChar(0x202e)));
    EXPECT_FALSE(text.contains(QChar(0x202c)));
}

// Source links: only http and https open, after the user has seen the whole address; every
// other scheme is refused with the reason, and nothing is opened.
TEST_F(DetailsViewTest, OnlyHttpLinksOpenAndOnlyAfterTheAddressWasShown)
{
    QTemporaryDir dir;
    ASSERT_TRUE(loadJson(m_document, dir, R"json({"format": "claimline", "version": 1,
        "sources": [
            {"id": "s1", "outlet": "Reuters & Co", "title": "Wire", "url": "https://example.org/a b?x=<b>"},
            {"id": "s2", "title": "Local", "url": "file:///etc/passwd"},
            {"id": "s3", "title": "Script", "url": "javascript:alert(1)"},
            {"id": "s4", "title": "Data", "url": "data:text/html,<script>alert(1)</script>"},
            {"id": "s5", "title": "Trick", "url": "https://bank.example@evil.test/",
             "archive_url": "http://archive.example/x"}],
        "events": [{"id": "e1", "title": "E", "when": "2025-12-29",
                    "sources": [{"source": "s1"}, {"source": "s2"}, {"source": "s3"},
                                {"source": "s4"}]}]})json"));
    QStringList confirmed;
    QStringList refused;
    QList<QUrl> opened;
    bool agree = true;
    QList<QWidget *> over; // the widget each question is asked over
    m_view.linkOpener().setHandlers(
        [&](QWidget *parent, const QString &address) {
            over << parent;
            confirmed << address;
            return agree;
        },
        [&](QWidget *parent, const QString &address, const QString &reason) {
            over << parent;
            refused << address + u'|' + reason;
        },
        [&](const QUrl &url) {
            opened << url;
            return true;
        });

    m_selection.select(find(m_document, "e1"));
    settle();
    const auto links = m_view.links();
    ASSERT_EQ(links.size(), 4);
    EXPECT_EQ(links[0].first, QStringLiteral("Reuters & Co: Wire"));

    // https: shown in full, encoded, then opened.
    EXPECT_TRUE(m_view.openLink(0));
    ASSERT_EQ(confirmed.size(), 1);
    EXPECT_EQ(confirmed[0], QStringLiteral("https://example.org/a%20b?x=%3Cb%3E"));
    ASSERT_EQ(opened.size(), 1);
    EXPECT_EQ(opened[0].scheme(), QStringLiteral("https"));
    EXPECT_EQ(opened[0].host(), QStringLiteral("example.org"));

    // file:, javascript:, data: are refused without asking and never opened.
    for (int i = 1; i <= 3; ++i)
        EXPECT_FALSE(m_view.openLink(i)) << i;
    EXPECT_EQ(confirmed.size(), 1);
    EXPECT_EQ(opened.size(), 1);
    ASSERT_EQ(refused.size(), 3);
    EXPECT_TRUE(refused[0].startsWith(QStringLiteral("file:///etc/passwd|")))
        << refused[0].toStdString();
    EXPECT_TRUE(refused[0].contains(QStringLiteral("only http and https")));
    EXPECT_TRUE(refused[1].contains(QStringLiteral("javascript")));
    EXPECT_TRUE(refused[2].contains(QStringLiteral("data")));

    // Declining the confirmation opens nothing. A user-info trick is shown whole, so the
    // user can see the real host.
    agree = false;
    m_selection.select(find(m_document, "s5"));
    settle();
    ASSERT_EQ(m_view.links().size(), 2); // the address and the archived copy
    EXPECT_FALSE(m_view.openLink(0));
    EXPECT_EQ(confirmed.last(), QStringLiteral("https://bank.example@evil.test/"));
    EXPECT_EQ(opened.size(), 1);
    EXPECT_FALSE(m_view.openLink(7)); // out of range
    EXPECT_EQ(over.size(), 5);
    EXPECT_EQ(over.count(&m_view), 5);
}

TEST_F(DetailsViewTest, ALinkButtonOnlyWhenTheItemHasLinks)
{
    m_selection.clear();
    settle();
    EXPECT_TRUE(m_view.links().isEmpty());
    // A sample claim cites sources; the sample's sources carry no URL, so no button.
    QTemporaryDir dir;
    ASSERT_TRUE(loadJson(m_document, dir, R"({"format": "claimline", "version": 1,
        "sources": [{"id": "s1", "title": "T", "url": "https://example.org/"}],
        "events": [{"id": "e1", "title": "E", "when": "2025-12-29", "sources": [{"source": "s1"}]},
                   {"id": "e2", "title": "F", "when": "2025-12-29"}]})"));
    m_selection.select(find(m_document, "e1"));
    settle();
    EXPECT_EQ(m_view.links().size(), 1);
    m_selection.select(find(m_document, "e2"));
    settle();
    EXPECT_TRUE(m_view.links().isEmpty());
}

// A quote inside a quotation takes single quotes: “… ‘state terrorism’”, not “… “state
// terrorism”” (the issue's screenshot). Saved in both palettes for a person to look at.
TEST_F(DetailsViewTest, QuotesInsideAQuotationAreSingle)
{
    m_view.resize(420, 640);
    m_view.show();
    QString text = textFor("claim-state-terrorism");
    EXPECT_CONTAINS(text,
                    QStringLiteral("“Lavrov described the supposed attack as ‘state "
                                   "terrorism’”"));
    EXPECT_FALSE(text.contains(QStringLiteral("““")) || text.contains(QStringLiteral("””")));
    m_view.grab().save(QDir::tempPath() + QStringLiteral("/claimline-details-quotes.png"));
    text = textFor("claim-justify-attacks");
    EXPECT_CONTAINS(text,
                    QStringLiteral("“This alleged ‘residence strike’ story is a complete "
                                   "fabrication"));
    m_view.setPalette(test::darkPalette());
    settle();
    m_view.grab().save(QDir::tempPath() + QStringLiteral("/claimline-details-quotes-dark.png"));
}
