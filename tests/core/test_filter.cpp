// Filter: the criteria of the filter panel (stances, questions, date range, source
// reliability) on the sample and on small projects made for their edge cases (open-ended
// times, events of several parties, items without sources), change signals, clear(), and the
// status bar's summary. (Parties, statuses, tags and text are tested in test_document.cpp.)

#include "document/filter.h"
#include "format/projectreader.h"
#include "model/project.h"
#include "testproject.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>

using namespace claimline;
using test::indexOf;
using test::wordIndex;

namespace {

// Counts emissions of Filter::changed (QSignalSpy is in Qt Test, which core tests do not link).
class ChangeCounter
{
public:
    explicit ChangeCounter(Filter *filter)
    {
        m_connection = QObject::connect(filter, &Filter::changed, [this] { ++m_count; });
    }
    ~ChangeCounter() { QObject::disconnect(m_connection); }
    ChangeCounter(const ChangeCounter &) = delete;
    ChangeCounter &operator=(const ChangeCounter &) = delete;
    int count() const { return m_count; }

private:
    QMetaObject::Connection m_connection;
    int m_count = 0;
};

class FilterCriteria : public testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        LoadResult result = loadProject(test::samplePath());
        ASSERT_TRUE(result.ok());
        s_project.emplace(std::move(*result.project));
    }
    static void TearDownTestSuite() { s_project.reset(); }

    const Project &p() const { return *s_project; }
    std::uint32_t event(std::string_view id) const { return indexOf(p(), id, ItemKind::Event); }
    std::uint32_t claim(std::string_view id) const { return indexOf(p(), id, ItemKind::Claim); }
    std::uint32_t party(std::string_view id) const { return indexOf(p(), id, ItemKind::Party); }
    std::uint32_t question(std::string_view id) const
    {
        return indexOf(p(), id, ItemKind::Question);
    }
    bool eventShown(std::string_view id) const { return filter.acceptsEvent(p(), event(id)); }
    bool claimShown(std::string_view id) const { return filter.acceptsClaim(p(), claim(id)); }

    Filter filter;

private:
    static std::optional<Project> s_project;
};

std::optional<Project> FilterCriteria::s_project;

// A small project for edge cases: open-ended times, an item without sources, a source
// without a grade, an event of two parties, a claim without question or stance.
constexpr const char *EdgeText = R"({
  "format": "claimline", "version": 1,
  "parties": [
    {"id": "russia", "name": "Russia", "color": "#D55E00"},
    {"id": "ukraine", "name": "Ukraine"},
    {"id": "odd", "name": "\u202Eaissur"}
  ],
  "actors": [{"id": "lavrov", "name": "Sergei Lavrov", "party": "russia"}],
  "sources": [
    {"id": "src-a", "title": "Wire", "reliability": "A"},
    {"id": "src-e", "title": "Blog", "reliability": "E"},
    {"id": "src-none", "title": "Ungraded"}
  ],
  "events": [
    {"id": "ev-open-end", "title": "Since 28 Dec", "when": "2025-12-28/..",
     "parties": ["russia", "ukraine"], "sources": [{"source": "src-e"}]},
    {"id": "ev-open-start", "title": "Until 29 Dec", "when": "../2025-12-29",
     "sources": [{"source": "src-none"}, {"source": "src-a"}]},
    {"id": "ev-bare", "title": "No sources", "when": "2025-12-30", "parties": ["ukraine"]},
    {"id": "ev-ungraded", "title": "Ungraded only", "when": "2025-12-30",
     "sources": [{"source": "src-none"}]}
  ],
  "questions": [{"id": "q1", "text": "Who?"}, {"id": "q2", "text": "How many?"}],
  "claims": [
    {"id": "c-bare", "claimant": "lavrov", "made_at": "2025-12-29", "statement": "Bare."},
    {"id": "c-open", "claimant": "ukraine", "made_at": "2025-12-31/..", "stance": "denies",
     "question": "q2", "statement": "Open.", "sources": [{"source": "src-a"}]}
  ]
})";

class FilterEdges : public testing::Test
{
protected:
    void SetUp() override
    {
        LoadResult result = readProject(EdgeText);
        ASSERT_TRUE(result.ok()) << (result.problems.empty()
                                         ? std::string()
                                         : result.problems.front().toString().toStdString());
        m_project.emplace(std::move(*result.project));
    }

    const Project &p() const { return *m_project; }
    bool eventShown(std::string_view id) const
    {
        return filter.acceptsEvent(p(), indexOf(p(), id, ItemKind::Event));
    }
    bool claimShown(std::string_view id) const
    {
        return filter.acceptsClaim(p(), indexOf(p(), id, ItemKind::Claim));
    }

    Filter filter;

private:
    std::optional<Project> m_project;
};

} // namespace

// --- signals, isActive, clear ------------------------------------------------------------

TEST_F(FilterCriteria, NewSettersEmitOnlyOnChange)
{
    ChangeCounter changed(&filter);
    EXPECT_FALSE(filter.isActive());
    EXPECT_EQ(filter.stances(), Filter::AllStances);
    EXPECT_TRUE(filter.questions().empty());
    EXPECT_FALSE(filter.dateFrom());
    EXPECT_FALSE(filter.dateTo());
    EXPECT_EQ(filter.minimumReliability(), 0);

    filter.setStanceShown(Stance::Denies, false);
    filter.setStanceShown(Stance::Denies, false);
    filter.setStanceShown(Stance::Affirms, true); // already shown
    EXPECT_EQ(changed.count(), 1);
    EXPECT_FALSE(filter.isStanceShown(Stance::Denies));
    EXPECT_TRUE(filter.isActive());
    filter.setStanceShown(Stance::Denies, true);
    EXPECT_EQ(changed.count(), 2);
    EXPECT_FALSE(filter.isActive());

    filter.setQuestions({1, 2});
    filter.setQuestions({2, 1});
    EXPECT_EQ(changed.count(), 3);
    EXPECT_TRUE(filter.isActive());
    filter.setQuestions({});
    EXPECT_EQ(changed.count(), 4);

    filter.setDateRange(100, std::nullopt);
    filter.setDateRange(100, std::nullopt);
    EXPECT_EQ(changed.count(), 5);
    EXPECT_TRUE(filter.isActive());
    filter.setDateRange(100, 200);
    EXPECT_EQ(changed.count(), 6);
    EXPECT_EQ(filter.dateTo(), 200);
    filter.setDateRange(std::nullopt, std::nullopt);
    EXPECT_EQ(changed.count(), 7);
    EXPECT_FALSE(filter.isActive());

    filter.setMinimumReliability('B');
    filter.setMinimumReliability('B');
    EXPECT_EQ(changed.count(), 8);
    EXPECT_TRUE(filter.isActive());
    // Not a grade: no threshold.
    filter.setMinimumReliability('G');
    EXPECT_EQ(changed.count(), 9);
    EXPECT_EQ(filter.minimumReliability(), 0);
    filter.setMinimumReliability(0);
    EXPECT_EQ(changed.count(), 9);
}

TEST_F(FilterCriteria, ClearResetsEveryCriterionWithOneChange)
{
    filter.setStanceShown(Stance::None, false);
    filter.setQuestions({question("q-scale")});
    filter.setDateRange(test::utcMidnight(2025, 12, 28), test::utcMidnight(2026, 1, 1));
    filter.setMinimumReliability('C');
    ChangeCounter changed(&filter);
    filter.clear();
    EXPECT_EQ(changed.count(), 1);
    EXPECT_FALSE(filter.isActive());
    EXPECT_EQ(filter.stances(), Filter::AllStances);
    EXPECT_TRUE(filter.questions().empty());
    EXPECT_FALSE(filter.dateFrom());
    EXPECT_FALSE(filter.dateTo());
    EXPECT_EQ(filter.minimumReliability(), 0);
    filter.clear();
    EXPECT_EQ(changed.count(), 1);

    // Each criterion alone makes the filter active, and clear() undoes it.
    const auto activeThenCleared = [this](auto set) {
        set();
        EXPECT_TRUE(filter.isActive());
        filter.clear();
        EXPECT_FALSE(filter.isActive());
    };
    activeThenCleared([this] { filter.setStanceShown(Stance::Qualifies, false); });
    activeThenCleared([this] { filter.setQuestions({0}); });
    activeThenCleared([this] { filter.setDateRange(std::nullopt, 0); });
    activeThenCleared([this] { filter.setMinimumReliability('F'); });
}

TEST_F(FilterCriteria, NewSettersCoalesceInAnUpdate)
{
    ChangeCounter changed(&filter);
    filter.beginUpdate();
    filter.setStanceShown(Stance::Denies, false);
    filter.setQuestions({0});
    filter.setDateRange(0, 86400);
    filter.setMinimumReliability('A');
    EXPECT_EQ(changed.count(), 0);
    filter.endUpdate();
    EXPECT_EQ(changed.count(), 1);
}

// --- each criterion on the sample ---------------------------------------------------------

TEST_F(FilterCriteria, StancesApplyToClaimsOnly)
{
    filter.setStanceShown(Stance::Denies, false);
    EXPECT_FALSE(claimShown("claim-fabrication")); // denies
    EXPECT_TRUE(claimShown("claim-91-drones")); // affirms
    EXPECT_TRUE(claimShown("claim-teplinsky-15km")); // no stance
    EXPECT_TRUE(eventShown("ev-zelenskyy-denial")); // events have no stance
    filter.setStanceShown(Stance::None, false);
    EXPECT_FALSE(claimShown("claim-teplinsky-15km"));
    EXPECT_TRUE(claimShown("claim-kallas-distraction")); // disputes
    filter.setStanceShown(Stance::Disputes, false);
    EXPECT_FALSE(claimShown("claim-kallas-distraction"));
    EXPECT_TRUE(claimShown("claim-trump-very-angry")); // qualifies
}

TEST_F(FilterCriteria, QuestionsAnyOfForClaims)
{
    filter.setQuestions({question("q-scale")});
    EXPECT_TRUE(claimShown("claim-91-drones")); // q-scale
    EXPECT_TRUE(claimShown("claim-officer-91-launched")); // q-scale
    EXPECT_FALSE(claimShown("claim-fabrication")); // q-targeted
    EXPECT_FALSE(claimShown("claim-teplinsky-15km")); // on no question
    EXPECT_TRUE(eventShown("ev-residence-drones")); // events pass
    EXPECT_TRUE(eventShown("ev-peace-process-start"));
    filter.setQuestions({question("q-scale"), question("q-targeted")});
    EXPECT_TRUE(claimShown("claim-91-drones"));
    EXPECT_TRUE(claimShown("claim-fabrication"));
    EXPECT_FALSE(claimShown("claim-90-percent")); // q-peace-talks
}

TEST_F(FilterCriteria, DateRangeKeepsWhatOverlaps)
{
    // Since 31 Dec 2025.
    filter.setDateRange(test::utcMidnight(2025, 12, 31), std::nullopt);
    EXPECT_TRUE(eventShown("ev-mod-video")); // 31 Dec
    EXPECT_TRUE(eventShown("ev-flight-data-handover")); // 1 Jan
    EXPECT_FALSE(eventShown("ev-residence-drones")); // 28-29 Dec
    EXPECT_FALSE(eventShown("ev-peace-process-start")); // Feb 2025
    EXPECT_TRUE(eventShown("ev-odesa-strikes")); // 29 Dec - 31 Dec?: reaches into the range
    EXPECT_TRUE(eventShown("ev-intensive-talks")); // 25 Dec? - 1 Jan?
    EXPECT_TRUE(eventShown("ev-operation-spiderweb")); // 2025~: the whole year
    EXPECT_TRUE(claimShown("claim-flight-data")); // made 1 Jan
    EXPECT_FALSE(claimShown("claim-91-drones")); // made 29 Dec

    // Until 28 Dec 2025 (the end is exclusive: [.., 29 Dec 00:00)).
    filter.setDateRange(std::nullopt, test::utcMidnight(2025, 12, 29));
    EXPECT_TRUE(eventShown("ev-residence-drones")); // starts on the 28th
    EXPECT_TRUE(eventShown("ev-peace-process-start"));
    EXPECT_FALSE(eventShown("ev-lavrov-allegation")); // 29 Dec: begins where the range ends
    EXPECT_FALSE(eventShown("ev-mod-video"));
    EXPECT_TRUE(claimShown("claim-90-percent")); // made 28 Dec
    EXPECT_FALSE(claimShown("claim-91-drones"));

    // A range that starts where an item ends does not contain it.
    filter.setDateRange(test::utcMidnight(2025, 12, 30), test::utcMidnight(2026, 1, 1));
    EXPECT_FALSE(eventShown("ev-residence-drones")); // [28 Dec, 30 Dec)
    EXPECT_TRUE(eventShown("ev-mod-video"));
    EXPECT_FALSE(eventShown("ev-flight-data-handover")); // 1 Jan is outside [30 Dec, 1 Jan)
    EXPECT_TRUE(eventShown("ev-lavrov-strategic-initiative")); // Dec 2025~
    // Open on both sides is no limit.
    filter.setDateRange(std::nullopt, std::nullopt);
    EXPECT_TRUE(eventShown("ev-peace-process-start"));
}

TEST_F(FilterCriteria, ReliabilityNeedsOneSourceAtOrBetter)
{
    // The sample grades src-000 D and src-001..004 C.
    filter.setMinimumReliability('C');
    EXPECT_TRUE(eventShown("ev-mod-video")); // src-001, src-002
    EXPECT_FALSE(eventShown("ev-intensive-talks")); // src-000 only
    EXPECT_FALSE(eventShown("ev-flight-data-handover")); // src-000 twice
    EXPECT_TRUE(claimShown("claim-91-drones"));
    EXPECT_FALSE(claimShown("claim-flight-data")); // src-000 only
    filter.setMinimumReliability('D');
    EXPECT_TRUE(eventShown("ev-intensive-talks"));
    EXPECT_TRUE(claimShown("claim-flight-data"));
    filter.setMinimumReliability('B');
    EXPECT_FALSE(eventShown("ev-mod-video"));
    EXPECT_FALSE(claimShown("claim-91-drones"));
}

TEST_F(FilterCriteria, EveryCriterionMustPass)
{
    // claim-91-drones: Lavrov (Russia), affirms, q-scale, 29 Dec, disputed, C sources.
    filter.setStanceShown(Stance::Affirms, true);
    filter.setQuestions({question("q-scale")});
    filter.setDateRange(test::utcMidnight(2025, 12, 29), test::utcMidnight(2025, 12, 30));
    filter.setMinimumReliability('C');
    filter.setTags({wordIndex(p(), "drones")});
    EXPECT_TRUE(claimShown("claim-91-drones"));
    filter.setPartyHidden(party("russia"), true);
    EXPECT_FALSE(claimShown("claim-91-drones"));
    filter.setPartyHidden(party("russia"), false);
    filter.setStatusShown(Status::Disputed, false);
    EXPECT_FALSE(claimShown("claim-91-drones"));
}

// --- edge cases ---------------------------------------------------------------------------

TEST_F(FilterEdges, OpenEndedTimesReachEveryLimitOnTheirOpenSide)
{
    filter.setDateRange(test::utcMidnight(2030, 1, 1), std::nullopt);
    EXPECT_TRUE(eventShown("ev-open-end")); // 28 Dec 2025 onwards
    EXPECT_FALSE(eventShown("ev-open-start")); // until 29 Dec 2025
    EXPECT_TRUE(claimShown("c-open"));
    filter.setDateRange(std::nullopt, test::utcMidnight(1990, 1, 1));
    EXPECT_FALSE(eventShown("ev-open-end"));
    EXPECT_TRUE(eventShown("ev-open-start"));
    EXPECT_FALSE(claimShown("c-open"));
    // The open end starts on 28 Dec: a range that ends at that midnight misses it.
    filter.setDateRange(std::nullopt, test::utcMidnight(2025, 12, 28));
    EXPECT_FALSE(eventShown("ev-open-end"));
    filter.setDateRange(std::nullopt, test::utcMidnight(2025, 12, 28) + 1);
    EXPECT_TRUE(eventShown("ev-open-end"));
    // The open start ends with 29 Dec.
    filter.setDateRange(test::utcMidnight(2025, 12, 30), std::nullopt);
    EXPECT_FALSE(eventShown("ev-open-start"));
    filter.setDateRange(test::utcMidnight(2025, 12, 30) - 1, std::nullopt);
    EXPECT_TRUE(eventShown("ev-open-start"));
}

TEST_F(FilterEdges, ItemsWithoutGradedSourcesFailAThreshold)
{
    EXPECT_TRUE(eventShown("ev-bare"));
    EXPECT_TRUE(claimShown("c-bare"));
    filter.setMinimumReliability('F'); // any graded source
    EXPECT_FALSE(eventShown("ev-bare")); // no sources at all
    EXPECT_FALSE(claimShown("c-bare"));
    EXPECT_FALSE(eventShown("ev-ungraded")); // a source without a grade
    EXPECT_TRUE(eventShown("ev-open-end")); // E
    EXPECT_TRUE(eventShown("ev-open-start")); // ungraded and A: one is enough
    filter.setMinimumReliability('D');
    EXPECT_FALSE(eventShown("ev-open-end"));
    EXPECT_TRUE(eventShown("ev-open-start"));
    filter.setMinimumReliability('A');
    EXPECT_TRUE(eventShown("ev-open-start"));
    EXPECT_TRUE(claimShown("c-open"));
}

TEST_F(FilterEdges, ClaimsWithoutQuestionOrStance)
{
    filter.setQuestions({indexOf(p(), "q1", ItemKind::Question)});
    EXPECT_FALSE(claimShown("c-bare"));
    EXPECT_FALSE(claimShown("c-open")); // on q2
    filter.setQuestions({});
    filter.setStanceShown(Stance::None, false);
    EXPECT_FALSE(claimShown("c-bare"));
    EXPECT_TRUE(claimShown("c-open"));
}

TEST_F(FilterEdges, EventOfSeveralPartiesStaysWhileOneIsShown)
{
    const std::uint32_t russia = indexOf(p(), "russia", ItemKind::Party);
    const std::uint32_t ukraine = indexOf(p(), "ukraine", ItemKind::Party);
    filter.setPartyHidden(russia, true);
    EXPECT_TRUE(eventShown("ev-open-end")); // Russia and Ukraine
    EXPECT_TRUE(eventShown("ev-open-start")); // no party: never hidden by parties
    EXPECT_FALSE(claimShown("c-bare")); // Lavrov speaks for Russia
    filter.setPartyHidden(ukraine, true);
    EXPECT_FALSE(eventShown("ev-open-end"));
    EXPECT_FALSE(eventShown("ev-bare"));
    EXPECT_TRUE(eventShown("ev-open-start"));
    EXPECT_FALSE(claimShown("c-open")); // the party itself
}

// --- summary ------------------------------------------------------------------------------

TEST_F(FilterCriteria, SummaryIsEmptyWhenInactive)
{
    EXPECT_TRUE(filter.summary(p()).isEmpty());
    filter.setTextQuery(QStringLiteral("   ")); // a blank query filters nothing
    EXPECT_TRUE(filter.summary(p()).isEmpty());
}

TEST_F(FilterCriteria, SummaryOfTheExample)
{
    filter.beginUpdate();
    filter.setPartyHidden(party("russia"), true);
    for (const Status s : {Status::Unverified, Status::Corroborated, Status::Retracted})
        filter.setStatusShown(s, false);
    filter.setDateRange(test::utcMidnight(2025, 12, 28), std::nullopt);
    filter.setTextQuery(QStringLiteral(" drone "));
    filter.endUpdate();
    EXPECT_EQ(filter.summary(p()),
              QString::fromUtf8("Filter: hiding Russia; statuses: disputed, refuted; since 28 Dec "
                                "2025; text \u201Cdrone\u201D"));
}

TEST_F(FilterCriteria, SummaryOfEachCriterion)
{
    const auto summaryOf = [this](auto set) {
        filter.clear();
        set();
        return filter.summary(p());
    };
    EXPECT_EQ(summaryOf([this] {
                  filter.setPartyHidden(party("india"), true);
                  filter.setPartyHidden(party("pakistan"), true);
              }),
              QStringLiteral("Filter: hiding India, Pakistan"));
    EXPECT_EQ(summaryOf([this] {
                  for (std::size_t s = 0; s < StatusNames.size(); ++s)
                      filter.setStatusShown(Status(s), false);
              }),
              QStringLiteral("Filter: statuses: none"));
    EXPECT_EQ(summaryOf([this] {
                  filter.setStanceShown(Stance::Affirms, false);
                  filter.setStanceShown(Stance::Qualifies, false);
              }),
              QStringLiteral("Filter: stances: no stance, denies, disputes"));
    EXPECT_EQ(summaryOf([this] {
                  filter.setTags({wordIndex(p(), "drones"), wordIndex(p(), "residence")});
              }).count(QStringLiteral("drones")),
              1);
    EXPECT_EQ(summaryOf([this] { filter.setQuestions({question("q-scale")}); }),
              QString::fromUtf8("Filter: question \u201CHow large was the operation?\u201D"));
    EXPECT_EQ(summaryOf([this] {
                  filter.setQuestions({question("q-scale"), question("q-proof")});
              }),
              QStringLiteral("Filter: 2 questions"));
    EXPECT_EQ(summaryOf([this] {
                  filter.setDateRange(test::utcMidnight(2025, 12, 28),
                                      test::utcMidnight(2026, 1, 1));
              }),
              QString::fromUtf8("Filter: 28 Dec 2025 \u2013 31 Dec 2025"));
    EXPECT_EQ(
        summaryOf([this] { filter.setDateRange(std::nullopt, test::utcMidnight(2026, 1, 1)); }),
        QStringLiteral("Filter: until 31 Dec 2025"));
    EXPECT_EQ(summaryOf([this] {
                  filter.setDateRange(std::nullopt, test::utcMidnight(2025, 12, 28) + 22 * 3600);
              }),
              QStringLiteral("Filter: before 28 Dec 2025, 22:00 UTC"));
    EXPECT_EQ(summaryOf([this] { filter.setMinimumReliability('A'); }),
              QStringLiteral("Filter: sources rated A"));
    EXPECT_EQ(summaryOf([this] { filter.setMinimumReliability('C'); }),
              QStringLiteral("Filter: sources rated C or better"));
}

TEST_F(FilterCriteria, SummaryOfPartiesStaysShortAndTheDescriptionNamesThemAll)
{
    const auto showOnly = [this](std::initializer_list<std::string_view> ids) {
        filter.clear();
        filter.beginUpdate();
        for (std::uint32_t i = 0; i < p().parties().size(); ++i)
            filter.setPartyHidden(i, true);
        for (const std::string_view id : ids)
            filter.setPartyHidden(party(id), false);
        filter.endUpdate();
        return filter.summary(p());
    };
    ASSERT_EQ(p().parties().size(), 11u) << "the sample's parties";
    // 10 of 11 hidden: the one shown is named, not the ten hidden.
    EXPECT_EQ(showOnly({"ukraine"}), QStringLiteral("Filter: only Ukraine"));
    EXPECT_EQ(filter.description(p()),
              QStringLiteral("Parties shown (1 of 11): Ukraine\n"
                             "Parties hidden (10): Russia, United States, European Union, India, "
                             "Pakistan, The Wall Street Journal, Reuters, New York Post, "
                             "Hungarian Conservative, Fox News"));
    EXPECT_EQ(showOnly({"russia", "ukraine"}), QStringLiteral("Filter: only Russia, Ukraine"));
    const QString three = showOnly({"russia", "ukraine", "united-states"});
    EXPECT_EQ(three, QStringLiteral("Filter: 3 of 11 parties"));
    EXPECT_LT(three.size(), 40);
    EXPECT_TRUE(filter.description(p()).contains(
        QStringLiteral("Parties shown (3 of 11): Russia, Ukraine, United States\n")));
    EXPECT_EQ(showOnly({}), QStringLiteral("Filter: no parties"));
    EXPECT_TRUE(
        filter.description(p()).startsWith(QStringLiteral("Parties shown (0 of 11): none")));
    // Three hidden of eleven: counted, not listed.
    filter.clear();
    for (const char *id : {"india", "pakistan", "reuters"})
        filter.setPartyHidden(party(id), true);
    EXPECT_EQ(filter.summary(p()), QStringLiteral("Filter: 8 of 11 parties"));
    EXPECT_TRUE(filter.description(p()).endsWith(
        QStringLiteral("Parties hidden (3): India, Pakistan, Reuters")));
    // A party index the project no longer has hides nothing and is not mentioned.
    filter.clear();
    filter.setPartyHidden(999, true);
    EXPECT_TRUE(filter.summary(p()).isEmpty());
}

TEST_F(FilterCriteria, SummaryCutsLongListsAndTextTheDescriptionKeeps)
{
    filter.setTags(
        {wordIndex(p(), "drones"), wordIndex(p(), "residence"), wordIndex(p(), "allegation")});
    const QString query = QStringLiteral("a query much longer than the status bar has room for");
    filter.setTextQuery(query);
    const QString summary = filter.summary(p());
    EXPECT_TRUE(summary.startsWith(QStringLiteral("Filter: 3 tags; text \u201C")))
        << summary.toStdString();
    EXPECT_FALSE(summary.contains(query));
    EXPECT_TRUE(summary.contains(QChar(0x2026))) << "cut with an ellipsis";
    const QString description = filter.description(p());
    for (const char *tag : {"drones", "residence", "allegation"})
        EXPECT_TRUE(description.contains(QLatin1String(tag))) << tag;
    EXPECT_TRUE(description.contains(QStringLiteral("Text: \u201C") + query + QChar(0x201D)));
    filter.clear();
    EXPECT_TRUE(filter.description(p()).isEmpty());
}

TEST_F(FilterEdges, SummaryShowsHiddenCharactersOfNames)
{
    filter.setPartyHidden(indexOf(p(), "odd", ItemKind::Party), true);
    const QString summary = filter.summary(p());
    EXPECT_FALSE(summary.contains(QChar(0x202E)));
    EXPECT_TRUE(summary.contains(QStringLiteral("U+202E"))) << summary.toStdString();
}
