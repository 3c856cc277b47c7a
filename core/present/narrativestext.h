#pragma once

// NarrativesText: the wording of the competing-narratives view, its exports and its
// drill-down dialog, kept apart from painting so that it can be built and checked without a
// widget (and so that the view, the HTML export and the tests say exactly the same thing).
//
// Every string that comes from the file goes through visibleText(): control and bidi
// characters show as markers. Nothing here is markup; callers that write HTML escape it.

#include "model/model.h"

#include <QCoreApplication>
#include <QString>
#include <QTimeZone>

#include <cstdint>
#include <vector>

namespace claimline {

class Project;

class NarrativesText final
{
    Q_DECLARE_TR_FUNCTIONS(claimline::NarrativesText)

public:
    // "affirms", "denies", "disputes", "qualifies", or "no position" (Stance::None).
    static QString stance(Stance stance);
    static QString status(Status status);
    static QString relation(RelationKind kind);
    // The chip of a matrix answer from another question: "↩ disputes". The hooked arrow tells
    // it from a stance chip.
    static QString answerChip(RelationKind kind);
    // A file string made safe to show on one line of a card: line breaks become spaces, other
    // control and bidi characters become visible markers.
    static QString oneLine(const QString &text);
    static QString fileText(const Project &project, TextRef ref);

    static QString partyName(const Project &project, std::uint32_t party);
    // The parties of a narrative: "Russia", "United States + European Union".
    static QString partiesName(const Project &project, const std::vector<std::uint32_t> &parties);
    static QString speakerName(const Project &project, Speaker speaker);
    // The claimant, with the relay when there is one: "Vladimir Putin (via Donald Trump)".
    static QString claimant(const Project &project, std::uint32_t claim);
    static QString madeAt(const Project &project, std::uint32_t claim, const QTimeZone &zone);
    // Best (lowest) Admiralty grade among the sources cited, or 0 when none is graded.
    static char bestReliability(const Project &project, IndexRange citations);
    // How many distinct sources the citations name (a source cited twice counts once).
    static std::size_t sourceCount(const Project &project, IndexRange citations);
    // "3 sources · best B", "1 source · not graded", "no sources": distinct sources.
    static QString sources(const Project &project, IndexRange citations);
    // "3 sources · best B · disputed": the footer of a card.
    static QString footer(const Project &project, std::uint32_t claim);
    // A claim as plain text, one field per line: stance · claimant · date, the whole
    // statement, the quote in quotation marks, the footer.
    static QString claimSummary(const Project &project, std::uint32_t claim, const QTimeZone &zone);
    // A claim on another question shown where it answers a claim: the relation's kind in
    // place of the stance, and a line saying whom it answers and how long after:
    // "denies · Volodymyr Zelenskyy · 29 Dec 2025\nin answer to Sergei Lavrov · +0 min\n…".
    static QString answerSummary(const Project &project, std::uint32_t claim,
                                 std::uint32_t relation, const QTimeZone &zone);
    // "in answer to Sergei Lavrov · +0 min". unbreakableLag: for display, the lag is kept
    // on one line.
    static QString answerLine(const Project &project, std::uint32_t relation,
                              bool unbreakableLag = false);
    // The stance a relation amounts to, for its colour (rebuts → denies, corroborates →
    // affirms).
    static Stance stanceOf(RelationKind kind);
    // The empty matrix cell.
    static QString noPosition();
    static QString unanswered();

    // Everything about a claim for the drill-down dialog, as plain text: its statement and
    // quote, sources with excerpts, relations either way (kind, other claimant, statement,
    // lag) and the event it is about (title, date, summary).
    static QString drillDown(const Project &project, std::uint32_t claim, const QTimeZone &zone);
};

} // namespace claimline
