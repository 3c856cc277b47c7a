// SearchIndex: its matches agree with folding every field and searching it (the slow,
// obvious way) on the sample, a generated project, a small Cyrillic and accented project and
// random texts; narrowing gives what a fresh search gives; edits are searched again.

#include "document/document.h"
#include "document/filter.h"
#include "format/projectreader.h"
#include "model/generator.h"
#include "search/searchindex.h"
#include "search/searchtext.h"
#include "search/textsearch.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <QStringList>
#include <QUndoStack>

using namespace claimline;

namespace {

// The searchable fields, as searchindex.h documents them, written out independently.
QStringList eventTexts(const Project &p, std::uint32_t i)
{
    const Event &e = p.events()[i];
    QStringList texts {p.text(e.title), p.text(e.summary), p.text(e.locationName)};
    for (const std::uint32_t party : p.indices(e.parties))
        texts << p.text(p.parties()[party].name);
    for (const Citation &c : p.citations(e.sources))
        texts << p.text(p.sources()[c.source].outlet) << p.text(p.sources()[c.source].title);
    return texts;
}

QStringList claimTexts(const Project &p, std::uint32_t i)
{
    const Claim &c = p.claims()[i];
    QStringList texts {p.text(c.statement), p.text(c.quote), p.text(c.quoteTranslation)};
    if (c.claimant.isValid() && !c.claimant.isParty)
        texts << p.text(p.actors()[c.claimant.index].name);
    if (const std::uint32_t party = p.partyOfClaim(i); party != NoIndex)
        texts << p.text(p.parties()[party].name);
    for (const Citation &citation : p.citations(c.sources)) {
        texts << p.text(p.sources()[citation.source].outlet)
              << p.text(p.sources()[citation.source].title);
    }
    return texts;
}

bool bruteForce(const QStringList &texts, const QString &needle)
{
    const QString folded = foldForSearch(needle);
    return std::any_of(texts.begin(), texts.end(),
                       [&](const QString &t) { return containsFolded(t, folded); });
}

// Checks every event and claim against the brute force; returns the number of matches.
std::size_t expectAgrees(const Project &p, const QString &needle)
{
    const SearchMatches matches = p.searchIndex().search(p, SearchIndex::foldQuery(needle));
    std::size_t found = 0;
    for (std::uint32_t i = 0; i < p.events().size(); ++i) {
        const bool expected = bruteForce(eventTexts(p, i), needle);
        EXPECT_EQ(matches.hasEvent(i), expected)
            << "event " << i << " \"" << p.text(p.events()[i].title).toStdString() << "\" needle \""
            << needle.toStdString() << '"';
        found += expected;
    }
    for (std::uint32_t i = 0; i < p.claims().size(); ++i) {
        const bool expected = bruteForce(claimTexts(p, i), needle);
        EXPECT_EQ(matches.hasClaim(i), expected)
            << "claim " << i << " \"" << p.text(p.claims()[i].statement).toStdString()
            << "\" needle \"" << needle.toStdString() << '"';
        found += expected;
    }
    EXPECT_EQ(matches.eventCount() + matches.claimCount(), found);
    return found;
}

Project loadSample()
{
    LoadResult result = loadProject(test::samplePath());
    EXPECT_TRUE(result.ok());
    return std::move(*result.project);
}

// Cyrillic (Russian and Ukrainian), accented Latin, a decomposed й, references by name.
constexpr const char *CyrillicJson = R"({"format": "claimline", "version": 1,
 "parties": [{"id": "ua", "name": "Україна"}, {"id": "ru", "name": "Россия"},
             {"id": "fr", "name": "République française"}, {"id": "eu", "name": "European Union"}],
 "actors": [{"id": "zel", "name": "Володимир Зеленський", "party": "ua"},
            {"id": "mac", "name": "Emmanuel Macron", "party": "fr"},
            {"id": "kal", "name": "Kaja Kallas", "party": "eu"}],
 "sources": [{"id": "s1", "title": "Заявление МИД", "outlet": "ТАСС"},
             {"id": "s2", "title": "Communiqué de l'Élysée", "outlet": "Le Monde"}],
 "events": [
  {"id": "e1", "title": "Удар по Київській області", "when": "2025-12-28", "parties": ["ua"],
   "sources": [{"source": "s1"}]},
  {"id": "e2", "title": "Ёлка в Кремле", "when": "2025-12-29", "parties": ["ru"],
   "summary": "Зелёный свет, ЗЕЛЕНСКИЙ сказал"},
  {"id": "e3", "title": "Réunion à l'Élysée", "when": "2025-12-30", "parties": ["fr"],
   "sources": [{"source": "s2"}], "location": {"name": "Paris", "lat": 48.87, "lon": 2.32}},
  {"id": "e4", "title": "Plain ASCII title", "when": "2025-12-31", "summary": "KALLAS said so"},
  {"id": "e5", "title": "Київ і Кіїв", "when": "2026-01-01"},
  {"id": "e6", "title": "Decomposed: и\u0306 and e\u0301 Straße", "when": "2026-01-01"}],
 "claims": [
  {"id": "c1", "claimant": "zel", "made_at": "2025-12-28", "statement": "Это ложь",
   "quote": {"text": "Це брехня", "language": "uk", "translation": "This is a lie"}},
  {"id": "c2", "claimant": "ru", "made_at": "2025-12-29", "statement": "Attack repelled"},
  {"id": "c3", "claimant": "mac", "made_at": "2025-12-30", "statement": "Nous condamnons",
   "sources": [{"source": "s2"}]},
  {"id": "c4", "claimant": "kal", "made_at": "2025-12-30", "statement": "A distraction"}]})";

Project loadCyrillic()
{
    LoadResult result = readProject(CyrillicJson);
    for (const Problem &problem : result.problems)
        ADD_FAILURE() << problem.toString().toStdString();
    EXPECT_TRUE(result.ok());
    return result.ok() ? std::move(*result.project) : Project();
}

// SplitMix64, for reproducible random texts.
struct Random
{
    std::uint64_t state;
    std::uint32_t below(std::uint32_t n)
    {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return std::uint32_t((z ^ (z >> 31)) % n);
    }
};

} // namespace

TEST(SearchIndex, AgreesWithBruteForceOnTheSample)
{
    const Project p = loadSample();
    for (const char *needle : {"",
                               "a",
                               "e",
                               "Kallas",
                               "KALLAS",
                               "kaja kallas",
                               "novgorod",
                               "Novgorod region",
                               "drone",
                               "drones",
                               "91",
                               "fabrication",
                               "COMPLETE fabrication",
                               "sergei",
                               "russia",
                               "reuters",
                               "wall street",
                               "hungarian",
                               "élysée",
                               "elysee",
                               "–",
                               "’",
                               "putin’s",
                               "putin's",
                               "decision-making",
                               "zzz",
                               "teplinsky",
                               "united states",
                               "us",
                               "state terrorism",
                               "dolgiye borody",
                               "three hours",
                               "a much longer needle than any title in the sample"}) {
        expectAgrees(p, QString::fromUtf8(needle));
    }
    EXPECT_GT(expectAgrees(p, QStringLiteral("Kallas")), 0u);
    EXPECT_GT(expectAgrees(p, QStringLiteral("reuters")), 0u); // a source outlet
    EXPECT_EQ(expectAgrees(p, QStringLiteral("zzz")), 0u);
}

TEST(SearchIndex, AgreesWithBruteForceOnAGeneratedProject)
{
    const Project p = generateProject(3000, 7);
    EXPECT_EQ(p.searchIndex().foldedBytes(), 0u); // all ASCII: nothing copied
    for (const char *needle : {"",
                               "t",
                               "te",
                               "ter",
                               "terr",
                               "Drone strike",
                               "DRONE STRIKE",
                               "e.",
                               "spokesperson 12",
                               "outlet 7",
                               "report 19",
                               "united",
                               "kingdom",
                               "russia",
                               "zzz",
                               "strike.",
                               "d",
                               "x",
                               "intelligence report",
                               "refinery tanker",
                               "y"}) {
        expectAgrees(p, QString::fromUtf8(needle));
    }
    const std::string longNeedle(300, 'a');
    expectAgrees(p, QString::fromStdString(longNeedle));
}

TEST(SearchIndex, CyrillicAndAccentsFoldButCyrillicLettersStay)
{
    const Project p = loadCyrillic();
    ASSERT_EQ(p.events().size(), 6u);
    EXPECT_GT(p.searchIndex().foldedBytes(), 0u);
    for (const char *needle : {"київ",        "КИЇВ",     "киів",       "кіїв",
                               "київській",   "ёлка",     "елка",       "ЕЛКА",
                               "зелёный",     "зеленый",  "зеленский",  "зеленскии",
                               "зеленський",  "й",        "и",          "і",
                               "ї",           "україна",  "россия",     "тасс",
                               "мид",         "le monde", "elysee",     "ÉLYSÉE",
                               "élysée",      "reunion",  "republique", "francaise",
                               "paris",       "kallas",   "KALLAS",     "macron",
                               "emmanuel",    "брехня",   "ЛОЖЬ",       "lie",
                               "strasse",     "STRASSE",  "straße",     "decomposed: й",
                               "and e",       "and é",    "",           "a",
                               "e",           "ascii",    "title",      "this is a lie",
                               "distraction", "european", "x"}) {
        expectAgrees(p, QString::fromUtf8(needle));
    }
    const auto eventMatches = [&p](const char *needle) {
        const SearchMatches m
            = p.searchIndex().search(p, SearchIndex::foldQuery(QString::fromUtf8(needle)));
        std::vector<std::uint32_t> events;
        for (std::uint32_t i = 0; i < p.events().size(); ++i) {
            if (m.hasEvent(i))
                events.push_back(i);
        }
        return events;
    };
    using V = std::vector<std::uint32_t>;
    EXPECT_EQ(eventMatches("київ"), (V {0, 4})); // Київській (e1), Київ (e5)
    EXPECT_EQ(eventMatches("кіїв"), (V {4})); // і and ї are different letters
    EXPECT_EQ(eventMatches("елка"), (V {1})); // ё folds to е
    EXPECT_EQ(eventMatches("зеленскии"), V {}); // й is not и
    EXPECT_EQ(eventMatches("elysee"), (V {2})); // title, and a cited source
    EXPECT_EQ(eventMatches("й and"), (V {5})); // decomposed и + breve is й
    EXPECT_EQ(eventMatches("тасс"), (V {0})); // a cited source's outlet
    EXPECT_EQ(eventMatches("УКРАЇНА"), (V {0})); // a party's name
    EXPECT_EQ(eventMatches("kallas"), (V {3})); // an ASCII event
}

TEST(SearchIndex, RandomTextsAgreeWithBruteForce)
{
    // Short alphabets make many near matches; lengths around 16 and 32 exercise the block
    // scan and its tail.
    const std::vector<std::string> tokens {"a", "A", "b", "B", "é", "É", "ё", "Ё",   "е",
                                           "й", "и", "ß", "s", "S", " ", "x", "\xff"};
    Random random {42};
    Project p;
    for (int i = 0; i < 600; ++i) {
        std::string text;
        const std::uint32_t length = random.below(50);
        // Mostly ASCII items, some with non-ASCII letters.
        const std::uint32_t alphabet = random.below(3) == 0 ? std::uint32_t(tokens.size()) : 4;
        for (std::uint32_t k = 0; k < length; ++k) {
            const std::string &token = tokens[random.below(alphabet)];
            if (token != "\xff") // invalid UTF-8 cannot be loaded; keep texts valid
                text += token;
        }
        Event event;
        event.title = p.addText(std::string_view(text));
        p.events().push_back(event);
    }
    for (int n = 0; n < 150; ++n) {
        std::string needle;
        const std::uint32_t length = 1 + random.below(4);
        for (std::uint32_t k = 0; k < length; ++k) {
            const std::string &token = tokens[random.below(std::uint32_t(tokens.size()) - 1)];
            needle += token;
        }
        expectAgrees(p, QString::fromStdString(needle));
    }
}

TEST(SearchIndex, NarrowingGivesWhatAFreshSearchGives)
{
    const Project p = generateProject(5000, 3);
    const SearchIndex &index = p.searchIndex();
    SearchMatches previous = index.search(p, "");
    for (const char *needle : {"t", "te", "ter", "terr", "terri"}) {
        const SearchMatches narrowed = index.search(p, needle, &previous);
        const SearchMatches fresh = index.search(p, needle);
        EXPECT_EQ(narrowed.events, fresh.events) << needle;
        EXPECT_EQ(narrowed.claims, fresh.claims) << needle;
        previous = narrowed;
    }
    // Typing in the middle narrows too: "ter" contains "te".
    const SearchMatches te = index.search(p, "te");
    EXPECT_EQ(index.search(p, "ate", &te).events, index.search(p, "ate").events);
}

TEST(SearchIndex, LargeProjectsSearchOnSeveralThreadsAlike)
{
    // Above the threshold for threads; the result must not depend on how work is split.
    const Project p = generateProject(80000, 5);
    const SearchMatches m = p.searchIndex().search(p, "intelligence report");
    std::size_t expected = 0;
    for (std::uint32_t i = 0; i < p.events().size(); ++i) {
        const Event &e = p.events()[i];
        const bool hit = QString(p.text(e.title) + QChar(0xFFFF) + p.text(e.summary))
                             .contains(QStringLiteral("intelligence report"), Qt::CaseInsensitive);
        EXPECT_EQ(m.hasEvent(i), hit) << i;
        expected += hit;
    }
    EXPECT_EQ(m.eventCount(), expected);
    EXPECT_GT(expected, 0u);
}

TEST(SearchIndex, FoldedCopiesBuiltOnSeveralThreadsLineUp)
{
    // Enough items to fold in two halves, some of them non-ASCII in each half: each item
    // must find its own folded copy.
    Project p;
    const char *texts[] = {"Plain title", "\xc3\x89lys\xc3\xa9\x65 meeting", // Élysée
                           "\xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2 strike"}; // Київ
    for (std::uint32_t i = 0; i < 70000; ++i) {
        Event event;
        const std::string title = std::string(texts[i % 7 == 0        ? 1
                                                        : i % 11 == 0 ? 2
                                                                      : 0])
            + ' ' + std::to_string(i);
        event.title = p.addText(std::string_view(title));
        p.events().push_back(event);
    }
    EXPECT_GT(p.searchIndex().foldedBytes(), 0u);
    for (const char *needle : {"elysee meeting 7", "київ strike 11", "plain title 1", "e 35"}) {
        const SearchMatches m
            = p.searchIndex().search(p, SearchIndex::foldQuery(QString::fromUtf8(needle)));
        const QString folded = foldForSearch(QString::fromUtf8(needle));
        std::size_t expected = 0;
        for (std::uint32_t i = 0; i < p.events().size(); ++i) {
            const bool hit = containsFolded(p.text(p.events()[i].title), folded);
            ASSERT_EQ(m.hasEvent(i), hit) << needle << ' ' << i;
            expected += hit;
        }
        EXPECT_GT(expected, 0u) << needle;
    }
}

TEST(TextSearch, RemembersResultsAndNarrows)
{
    const Project p = generateProject(2000, 1);
    TextSearch search;
    const auto fold = [](const char *q) {
        return foldForSearch(QString::fromUtf8(q));
    };
    const std::size_t t = search.matches(p, fold("t")).eventCount();
    EXPECT_EQ(search.searchCount(), 1);
    search.matches(p, fold("t"));
    EXPECT_EQ(search.searchCount(), 1); // the same query: no search
    const std::size_t ter = search.matches(p, fold("ter")).eventCount();
    EXPECT_LE(ter, t);
    EXPECT_EQ(search.searchCount(), 2);
    EXPECT_EQ(search.matches(p, fold("t")).eventCount(), t); // back: remembered
    EXPECT_EQ(search.searchCount(), 2);
    const SearchMatches fresh = p.searchIndex().search(p, "ter");
    EXPECT_EQ(search.matches(p, fold("TER")).events, fresh.events);
    EXPECT_EQ(search.searchCount(), 2);
}

TEST(TextSearch, EditsAreSearchedAgain)
{
    Document document;
    ASSERT_TRUE(document.load(test::samplePath()).empty());
    const std::uint64_t before = document.project().revision();
    Filter filter;
    filter.setTextQuery(QStringLiteral("Zzyzx"));
    EXPECT_FALSE(filter.acceptsEvent(document.project(), 0));
    document.setEventTitle(0, QStringLiteral("The Zzyzx affair"));
    EXPECT_NE(document.project().revision(), before);
    EXPECT_TRUE(filter.acceptsEvent(document.project(), 0));
    EXPECT_FALSE(filter.acceptsEvent(document.project(), 1));
    document.undoStack()->undo();
    EXPECT_FALSE(filter.acceptsEvent(document.project(), 0));

    // A new project in the same Document is searched, not answered from the old one.
    filter.setTextQuery(QStringLiteral("strike"));
    (void)filter.acceptsEvent(document.project(), 0); // searched in the sample
    document.setProject(generateProject(50, 1));
    const Project &generated = document.project();
    const SearchMatches expected = generated.searchIndex().search(generated, "strike");
    for (std::uint32_t i = 0; i < generated.events().size(); ++i)
        EXPECT_EQ(filter.acceptsEvent(generated, i), expected.hasEvent(i)) << i;
    EXPECT_GT(expected.eventCount(), 0u);
}

TEST(SearchIndex, RevisionsDifferBetweenProjectsAndChangeOnInvalidate)
{
    Project a;
    Project b;
    EXPECT_NE(a.revision(), b.revision());
    const std::uint64_t r = a.revision();
    a.invalidateIndexes();
    EXPECT_NE(a.revision(), r);
    EXPECT_NE(a.revision(), b.revision());
}
