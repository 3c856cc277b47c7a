#pragma once

// DetailsText: what the Details view says about the selected item, as lines of plain text
// with a role each (title, heading, field, list item…). The DetailsView picks a font per role;
// keeping the wording here, apart from the widget, lets the text be built and checked without
// any widget and keeps the view thin.
//
// Every string that comes from the file goes through visibleText(): a title carrying a bidi
// override or a line break is shown with visible markers, never obeyed.

#include "model/model.h"

#include <QCoreApplication>
#include <QString>
#include <QTimeZone>

#include <cstdint>
#include <string_view>
#include <vector>

namespace claimline {

class Project;
struct EvidenceReport;

struct DetailsLine
{
    enum class Role : std::uint8_t {
        Note, // a line above the title ("3 items selected") or a hint
        Title, // the item's name, largest
        Heading, // a section ("Sources (4)"), preceded by a blank line
        Field, // "label: text", the label emphasised
        Item, // a bulleted entry of a section
        Detail, // an indented continuation of the item above (an excerpt, a statement)
        Text, // a paragraph (a summary, a statement)
    };
    Role role = Role::Text;
    QString label; // Field only
    QString text;
};

using DetailsLines = std::vector<DetailsLine>;

class DetailsText final
{
    Q_DECLARE_TR_FUNCTIONS(claimline::DetailsText)

public:
    DetailsText(const Project &project, const QTimeZone &zone);
    // The last verification of the evidence: a source with a failing file says so, and each
    // failing file says what failed. Without one, files are listed as recorded.
    void setEvidence(const EvidenceReport *report) { m_evidence = report; }

    // The lines for a selection: a hint when nothing is selected; with several items a note
    // "N items selected" before the details of `current` (or of the last item when no item
    // is current). Items out of range (a selection left over from another project) are
    // skipped, never read.
    DetailsLines describe(const std::vector<ItemRef> &items, ItemRef current);

    // The lines joined into the plain text the view shows, one line per entry.
    static QString toPlainText(const DetailsLines &lines);
    static QString hint();

private:
    void describeEvent(std::uint32_t index);
    void describeClaim(std::uint32_t index);
    void describeParty(std::uint32_t index);
    void describeActor(std::uint32_t index);
    void describeSource(std::uint32_t index);
    void describeQuestion(std::uint32_t index);

    QString locationText(const Event &event) const;
    QString originText(const Origin *origin) const;
    QString updatedText(std::string_view updated) const;
    void addAttributes(IndexRange attributes);
    void addStatus(Status status, IndexRange history);
    void addCitations(IndexRange citations);
    void addAttachments(IndexRange attachments);
    void addLayer(ItemRef item);
    bool evidenceFails(std::uint32_t source) const;
    void addParagraphs(DetailsLine::Role role, const QString &text);
    void addField(const QString &label, const QString &text);
    void add(DetailsLine::Role role, const QString &text);

    QString fileText(TextRef ref) const;
    QString word(std::uint32_t index) const;
    // "28–29 Dec 2025 (EDTF 2025-12-28/2025-12-29)" for the item's own dates; lists show
    // only the first part.
    QString time(const FuzzyTime &time) const;
    QString shortTime(const FuzzyTime &time) const;
    QString partyName(std::uint32_t party) const;
    QString actorName(std::uint32_t actor) const;
    QString speakerName(Speaker speaker) const;
    QString eventTitle(std::uint32_t event) const;

    const Project &m_project;
    QTimeZone m_zone;
    const EvidenceReport *m_evidence = nullptr;
    DetailsLines m_lines;
};

} // namespace claimline
