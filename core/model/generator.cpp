#include "model/generator.h"

#include "model/splitmix.h"

#include <QDate>

#include <array>
#include <cstdio>
#include <string>

namespace claimline {

namespace {

using Random = SplitMix;

constexpr std::array<std::string_view, 64> Words {
    "drone",      "strike",       "region",         "officials", "claimed",    "attack",
    "border",     "forces",       "artillery",      "shelling",  "village",    "city",
    "energy",     "grid",         "port",           "residence", "ministry",   "defence",
    "statement",  "denied",       "reported",       "overnight", "missile",    "intercepted",
    "launched",   "near",         "front",          "line",      "talks",      "ceasefire",
    "envoy",      "meeting",      "evidence",       "video",     "footage",    "civilian",
    "casualties", "damage",       "infrastructure", "air",       "alert",      "sirens",
    "governor",   "said",         "according",      "sources",   "military",   "convoy",
    "bridge",     "depot",        "fuel",           "refinery",  "tanker",     "sanctions",
    "aid",        "package",      "offensive",      "advance",   "withdrawal", "counter",
    "assessment", "intelligence", "report",         "spokesman"};

constexpr std::array<std::string_view, 12> PartyNames {
    "Russia", "Ukraine", "United States", "European Union", "United Kingdom", "Belarus",
    "Poland", "Turkey",  "China",         "India",          "Pakistan",       "United Nations"};
constexpr std::array<std::string_view, 12> PartyIds {
    "russia", "ukraine", "united-states", "european-union", "united-kingdom", "belarus",
    "poland", "turkey",  "china",         "india",          "pakistan",       "united-nations"};
constexpr std::array<std::uint32_t, 8> Colors {0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442,
                                               0x0072B2, 0xD55E00, 0xCC79A7, 0x000000};
constexpr std::array<std::string_view, 8> Kinds {"strike",     "shelling", "statement",
                                                 "meeting",    "evidence", "assessment",
                                                 "allegation", "diplomacy"};

// Words up to a length drawn from [minLength, maxLength].
void sentence(Random &random, std::string &out, std::uint32_t minLength, std::uint32_t maxLength)
{
    out.clear();
    const std::uint32_t target = random.between(minLength, maxLength);
    while (out.size() < target) {
        if (!out.empty())
            out += ' ';
        out += Words[random.below(Words.size())];
    }
    out.resize(target);
    if (out.back() == ' ')
        out.back() = '.';
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
}

std::string numbered(std::string_view prefix, std::size_t n)
{
    std::string digits = std::to_string(n);
    if (digits.size() < 7)
        digits.insert(0, 7 - digits.size(), '0');
    return std::string(prefix) + digits;
}

constexpr std::uint32_t SourceCount = 200;
constexpr std::uint32_t QuestionCount = 20;

// The parties, actors, sources and questions (no randomness).
void addCatalog(Project &p)
{
    for (std::size_t i = 0; i < PartyNames.size(); ++i) {
        Party party;
        party.id = p.addText(PartyIds[i]);
        party.name = p.addText(PartyNames[i]);
        party.color = Colors[i % Colors.size()];
        party.hasColor = true;
        party.kind = PartyKind::State;
        p.parties().push_back(party);
        (void)p.registerId({ItemKind::Party, std::uint32_t(i)});
    }
    for (std::size_t i = 0; i < PartyNames.size() * 3; ++i) {
        Actor actor;
        actor.id = p.addText("actor-" + std::to_string(i));
        actor.name = p.addText("Spokesperson " + std::to_string(i));
        actor.role = p.addText(std::string_view("Official"));
        actor.party = std::uint32_t(i / 3);
        p.actors().push_back(actor);
        (void)p.registerId({ItemKind::Actor, std::uint32_t(i)});
    }
    for (std::uint32_t i = 0; i < SourceCount; ++i) {
        Source source;
        source.id = p.addText("src-" + std::to_string(i));
        source.title = p.addText("Report " + std::to_string(i));
        source.outlet = p.addText("Outlet " + std::to_string(i % 20));
        source.reliability = char('A' + i % 6);
        p.sources().push_back(source);
        (void)p.registerId({ItemKind::Source, i});
    }
    for (std::uint32_t i = 0; i < QuestionCount; ++i) {
        Question q;
        q.id = p.addText("q-" + std::to_string(i));
        q.text = p.addText("Contested question number " + std::to_string(i) + "?");
        p.questions().push_back(q);
        (void)p.registerId({ItemKind::Question, i});
    }
}

void addEvents(Project &p, Random &random, std::size_t eventCount)
{
    std::uint32_t kindWords[Kinds.size()];
    for (std::size_t i = 0; i < Kinds.size(); ++i)
        kindWords[i] = p.internWord(Kinds[i]);
    std::uint32_t tagWords[8];
    for (std::size_t i = 0; i < 8; ++i)
        tagWords[i] = p.internWord(Words[i * 7]);

    // Four years from the full-scale invasion: 2022-02-24 to 2026-02-24.
    constexpr std::int64_t FirstDay = 19047; // days since 1970-01-01
    constexpr std::int64_t UnixEpochJulianDay = 2440588;
    constexpr std::uint32_t Days = 1461;
    std::string text;
    for (std::size_t i = 0; i < eventCount; ++i) {
        Event e;
        e.id = p.addText(numbered("ev-", i));
        sentence(random, text, 30, 80);
        e.title = p.addText(text);
        sentence(random, text, 100, 300);
        e.summary = p.addText(text);
        const std::int64_t day = FirstDay + random.below(Days);
        const std::uint32_t shape = random.below(10);
        if (shape < 2) { // an instant
            e.when = FuzzyTime::fromInstant(day * 86400 + random.below(1440) * 60);
        } else {
            const QDate date = QDate::fromJulianDay(day + UnixEpochJulianDay);
            const int y = date.year(), m = date.month(), d = date.day();
            if (shape < 3 && d < 28)
                e.when = FuzzyTime::fromDays(y, m, d, d + 1); // a night or a weekend
            else if (shape < 4) {
                char buffer[16];
                std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d~", y, m, d);
                e.when = *FuzzyTime::parse(buffer);
            } else
                e.when = FuzzyTime::fromDate(y, m, d);
        }
        const std::uint32_t firstParty = random.below(PartyNames.size());
        std::uint32_t parties[2] = {firstParty, (firstParty + 1 + random.below(11)) % 12};
        e.parties = p.addIndices(std::span(parties, random.chance(40) ? 2 : 1));
        e.kind = kindWords[random.below(Kinds.size())];
        std::uint32_t tags[2] = {tagWords[random.below(4)], tagWords[4 + random.below(4)]};
        e.tags = p.addIndices(std::span(tags, random.below(3)));
        Citation citations[3];
        const std::uint32_t citationCount = random.between(1, 3);
        for (std::uint32_t c = 0; c < citationCount; ++c)
            citations[c].source = (random.below(SourceCount / 3) + c * (SourceCount / 3));
        e.sources = p.addCitations(std::span(citations, citationCount));
        e.status = static_cast<Status>(random.below(4));
        p.events().push_back(e);
        (void)p.registerId({ItemKind::Event, std::uint32_t(i)});
    }
}

// One claim per five events; each odd claim answers the one before it.
void addClaimsAndRelations(Project &p, Random &random, std::size_t claimCount,
                           std::size_t eventCount)
{
    std::string text;
    for (std::size_t i = 0; i < claimCount; ++i) {
        Claim c;
        c.id = p.addText(numbered("claim-", i));
        const std::uint32_t actor = random.below(std::uint32_t(p.actors().size()));
        c.claimant = Speaker {actor, false};
        c.about = random.below(std::uint32_t(eventCount));
        // An answer is about the event of the claim it answers: otherwise it would be said
        // years before or after the event it is about.
        if (i % 2 == 1)
            c.about = p.claims()[i - 1].about;
        const FuzzyTime &when = p.events()[c.about].when;
        // Said within three days after what it is about; an answer follows what it answers.
        std::int64_t said = when.start() + random.below(3 * 86400);
        if (i % 2 == 1)
            said = p.claims()[i - 1].madeAt.start() + 3600 + random.below(2 * 86400);
        c.madeAt = FuzzyTime::fromInstant(said - said % 60);
        c.question = random.below(QuestionCount);
        c.stance = static_cast<Stance>(1 + random.below(4));
        sentence(random, text, 60, 160);
        c.statement = p.addText(text);
        Citation citation;
        citation.source = random.below(SourceCount);
        c.sources = p.addCitations(std::span(&citation, 1));
        c.credibility = std::uint8_t(1 + random.below(6));
        c.status = static_cast<Status>(random.below(4));
        p.claims().push_back(c);
        (void)p.registerId({ItemKind::Claim, std::uint32_t(i)});
    }
    // One relation per two claims: each odd claim answers the claim before it.
    for (std::size_t i = 1; i < claimCount; i += 2) {
        Relation r;
        r.from = std::uint32_t(i);
        r.to = std::uint32_t(i - 1);
        r.kind = static_cast<RelationKind>(random.below(5));
        p.relations().push_back(r);
    }
}

} // namespace

Project generateProject(std::size_t eventCount, std::uint64_t seed)
{
    Random random(seed);
    Project p;
    p.meta().title = p.addText(std::string_view("Synthetic project"));
    p.meta().description
        = p.addText("Generated by claimline generate (" + std::to_string(eventCount)
                    + " events, seed " + std::to_string(seed) + ").");
    addCatalog(p);
    const std::size_t claimCount = eventCount / 5;
    p.reserve(eventCount, claimCount);
    // The same random stream, in the same order, as ever: the same seed gives the same file.
    addEvents(p, random, eventCount);
    addClaimsAndRelations(p, random, claimCount, eventCount);
    return p;
}

} // namespace claimline
