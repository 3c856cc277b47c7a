// The rows of relations.csv: relations are matched by their two claims. A pair the project
// holds with the row's kind is unchanged; with another kind it takes the row's; a pair it
// does not hold is added.

#include "import/claimlinecsv/claimlinecsvimport.h"
#include "import/claimlinecsv/sheetcells.h"
#include "import/claimlinecsv/sheetfields.h"
#include "import/formats/fieldtext.h"
#include "model/project.h"

#include <QStringBuilder>

#include <map>
#include <utility>

namespace claimline {

void ClaimlineCsvImport::importRelations(const HeldSheet &sheet)
{
    if (!sheet.error.isEmpty()) {
        refuse(sheet.path, 0, sheet.error);
        m_relationsWhole = false;
    }
    struct Pending
    {
        std::int64_t line = 0;
        Relation relation;
        bool done = false;
    };
    std::vector<Pending> pending;
    SheetRow row;
    for (std::size_t i = 0; i < sheet.rows.size(); ++i) {
        ++m_report.rows;
        sheet.view(i, row);
        QString problem = sheet.rows[i].problem;
        RelationFields fields;
        if (problem.isEmpty())
            problem = readRelationFields(row, fields);
        if (problem.isEmpty())
            problem = m_references.existing("from", fields.from, ItemKind::Claim);
        if (problem.isEmpty())
            problem = m_references.existing("to", fields.to, ItemKind::Claim);
        if (!problem.isEmpty()) {
            refuse(sheet.path, row.line, problem);
            continue;
        }
        Relation relation;
        relation.from = m_references.indexOf(fields.from);
        relation.to = m_references.indexOf(fields.to);
        relation.kind = fields.kind;
        const auto same = std::find_if(pending.begin(), pending.end(),
                                       [&](const Pending &p) { return p.relation == relation; });
        if (same != pending.end()) {
            refuse(sheet.path, row.line,
                   QStringLiteral("the relation ") % quotedValue(fields.from) % u' '
                       % columnText(nameOf(fields.kind)) % u' ' % quotedValue(fields.to)
                       % QStringLiteral(" is on line ") % QString::number(same->line)
                       % QStringLiteral(" already"));
            continue;
        }
        pending.push_back({row.line, relation, false});
    }

    auto &relations = m_project.relations();
    m_relationsSeen.resize(relations.size(), false);
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::uint32_t>> byPair;
    for (std::uint32_t i = 0; i < relations.size(); ++i)
        byPair[{relations[i].from, relations[i].to}].push_back(i);
    // The relations the project holds as they are, first: a pair held with two kinds, one
    // of them changed in the spreadsheet, keeps the other.
    for (Pending &p : pending) {
        for (const std::uint32_t i : byPair[{p.relation.from, p.relation.to}]) {
            if (relations[i].kind == p.relation.kind) {
                m_relationsSeen[i] = true;
                p.done = true;
                ++m_report.unchanged;
                break;
            }
        }
    }
    for (Pending &p : pending) {
        if (p.done)
            continue;
        std::vector<std::uint32_t> &held = byPair[{p.relation.from, p.relation.to}];
        const auto other = std::find_if(held.begin(), held.end(),
                                        [&](std::uint32_t i) { return !m_relationsSeen[i]; });
        if (other != held.end()) {
            relations[*other].kind = p.relation.kind;
            m_relationsSeen[*other] = true;
            ++m_report.updated;
            continue;
        }
        held.push_back(std::uint32_t(relations.size()));
        relations.push_back(p.relation);
        m_relationsSeen.push_back(true);
        ++m_report.added;
    }
}

} // namespace claimline
