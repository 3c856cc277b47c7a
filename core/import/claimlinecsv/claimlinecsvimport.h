#pragma once

// ClaimlineCsvImport: one run of importClaimlineCsv() (claimlinecsv.h). Internal to the
// import; its parts live in files by what they import: claimlinecsvimport.cpp (the run, the
// files, what went missing), eventrows.cpp, claimrows.cpp and relationrows.cpp.

#include "import/claimlinecsv/claimlinecsv.h"
#include "import/claimlinecsv/exportsheet.h"
#include "import/claimlinecsv/sheetreferences.h"
#include "model/model.h"

#include <QString>

#include <cstdint>
#include <string_view>
#include <vector>

namespace claimline {

struct ClaimFields;
struct EventFields;

class ClaimlineCsvImport
{
public:
    ClaimlineCsvImport(Project &project, ImportProgress *progress, bool removeMissing);

    ImportReport run(const QStringList &paths);

private:
    // claimlinecsvimport.cpp
    void refuse(const QString &path, std::int64_t line, const QString &reason);
    // Saves the progress; true when the caller asked to cancel.
    bool tick(std::int64_t bytesDone);
    // `history` with the change to `status` made from the file at `path` added.
    IndexRange withStatusChange(IndexRange history, const QString &path, Status status);
    void listMissing();
    void removeMissingItems();

    // eventrows.cpp
    // Learns what the rows of the file say of their parties and sources (sheetreferences.h);
    // a file that cannot be read is left to importEvents() to refuse.
    void learnFromEvents(const QString &path);
    void importEvents(const QString &path);
    void importEvent(const QString &path, const SheetRow &row);
    // Finds or plans what the row refers to; why it is refused, or empty.
    QString planEvent(const SheetRow &row, const Event *before);
    // Sets the fields of `event` its row gives; whether any changed.
    bool makeEvent(const QString &path, const SheetRow &row, const EventFields &fields,
                   Event &event, bool isNew);

    // claimrows.cpp
    void importClaims(const HeldSheet &sheet);
    void importClaim(const QString &path, const SheetRow &row);
    QString planClaim(const SheetRow &row, const Claim *before);
    bool makeClaim(const QString &path, const SheetRow &row, const ClaimFields &fields,
                   Claim &claim, bool isNew);

    // relationrows.cpp
    void importRelations(const HeldSheet &sheet);

    // Shared by events and claims: the `sources` column and its titles and URLs.
    QString planSources(std::string_view ids, std::string_view titles, std::string_view urls);
    // Sets `citations` to the sources of the cell when they differ: a source cited before
    // keeps its citation (and excerpt). Whether they differed.
    bool makeSources(std::string_view ids, IndexRange &citations);
    // Whether an item of `kind` named `id` at `line` was named before in this import (and
    // notes it): a row naming it again is refused with the earlier line.
    QString repeated(std::vector<std::int64_t> &lines, std::uint32_t index, std::string_view id,
                     std::int64_t line);

    Project &m_project;
    ImportProgress *m_progress;
    bool m_removeMissing;
    ImportReport m_report;
    SheetReferences m_references;
    std::size_t m_eventsBefore, m_claimsBefore, m_relationsBefore;
    // Per event and claim: the line of the row that named it in this import, or 0.
    std::vector<std::int64_t> m_eventLines, m_claimLines;
    // Per relation before the import: a row of relations.csv holds it.
    std::vector<bool> m_relationsSeen;
    // Whether every file of a kind was read to its end (nothing is missing otherwise), and
    // whether there was one.
    bool m_eventsWhole = true, m_claimsWhole = true, m_relationsWhole = true;
    bool m_hadEvents = false, m_hadClaims = false, m_hadRelations = false;
    std::int64_t m_bytesBefore = 0; // of the files done
    FuzzyTime m_now;
    std::vector<std::uint32_t> m_missingEvents, m_missingClaims, m_missingRelations;
};

} // namespace claimline
