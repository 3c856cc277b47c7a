// The rows of claims.csv: each updates the claim with its id, or adds one.

#include "import/claimlinecsv/claimlinecsvimport.h"
#include "import/claimlinecsv/sheetcells.h"
#include "import/claimlinecsv/sheetfields.h"
#include "import/formats/fieldtext.h"
#include "model/project.h"

#include <QStringBuilder>

namespace claimline {

namespace {

using SpeakerRole = SheetReferences::SpeakerRole;

QString kindMismatch(std::string_view id, ItemKind kind)
{
    return QStringLiteral("id ") % quotedValue(id) % QStringLiteral(" is ") % kindWithArticle(kind)
        % QStringLiteral(" in the project, not a claim");
}

} // namespace

void ClaimlineCsvImport::importClaims(const HeldSheet &sheet)
{
    if (!sheet.error.isEmpty()) {
        refuse(sheet.path, 0, sheet.error);
        m_claimsWhole = false;
    }
    SheetRow row;
    for (std::size_t i = 0; i < sheet.rows.size(); ++i) {
        ++m_report.rows;
        sheet.view(i, row);
        if (const QString &problem = sheet.rows[i].problem; !problem.isEmpty()) {
            if (const auto item = m_project.find(row.word(ClaimColumn::Id));
                item && item->kind == ItemKind::Claim)
                (void)repeated(m_claimLines, item->index, {}, row.line);
            refuse(sheet.path, row.line, problem);
            continue;
        }
        importClaim(sheet.path, row);
    }
}

void ClaimlineCsvImport::importClaim(const QString &path, const SheetRow &row)
{
    ClaimFields fields;
    const QString problem = readClaimFields(row, fields);
    const std::optional<ItemRef> item
        = fields.id.empty() ? std::nullopt : m_project.find(fields.id);
    if (item && item->kind != ItemKind::Claim) {
        refuse(path, row.line, kindMismatch(fields.id, item->kind));
        return;
    }
    if (item) {
        if (QString again = repeated(m_claimLines, item->index, fields.id, row.line);
            !again.isEmpty()) {
            refuse(path, row.line, again);
            return;
        }
    }
    if (!problem.isEmpty()) {
        refuse(path, row.line, problem);
        return;
    }
    // An index rather than the optional: g++ 12 takes the optional's value for uninitialized.
    const std::uint32_t existing = item ? item->index : NoIndex;
    const Claim *before = item ? &m_project.claims()[existing] : nullptr;
    if (row.has(ClaimColumn::MadeAt)) {
        if (QString why = derivedTimesProblem(
                row.raw(ClaimColumn::Earliest), row.raw(ClaimColumn::Latest), fields.madeAt,
                before ? &before->madeAt : nullptr, "made_at", row.word(ClaimColumn::MadeAt));
            !why.isEmpty()) {
            refuse(path, row.line, why);
            return;
        }
    }
    if (QString why = planClaim(row, before); !why.isEmpty()) {
        m_references.discard();
        refuse(path, row.line, why);
        return;
    }
    m_references.commit();
    if (before) {
        Claim claim = *before;
        if (makeClaim(path, row, fields, claim, false)) {
            m_project.claims()[existing] = claim;
            ++m_report.updated;
        } else {
            ++m_report.unchanged;
        }
        return;
    }
    Claim claim;
    claim.id = m_project.addText(fields.id);
    (void)makeClaim(path, row, fields, claim, true);
    const auto index = std::uint32_t(m_project.claims().size());
    m_project.claims().push_back(claim);
    (void)m_project.registerId({ItemKind::Claim, index});
    (void)repeated(m_claimLines, index, fields.id, row.line);
    ++m_report.added;
}

QString ClaimlineCsvImport::planClaim(const SheetRow &row, const Claim *before)
{
    if (!before && !row.has(ClaimColumn::MadeAt))
        return QStringLiteral("the file has no made_at column: a new claim needs a time");
    if (!before && !row.has(ClaimColumn::Claimant))
        return QStringLiteral("the file has no claimant column: a new claim needs a claimant");
    // An empty claimant was refused with the row's fields; an empty via, about, question or
    // quote_speaker clears it.
    const auto speaker
        = [&](ClaimColumn column, SpeakerRole role, std::string_view name) -> QString {
        const std::string_view id = row.word(column);
        return id.empty() ? QString() : m_references.speaker(role, id, name);
    };
    if (QString problem = speaker(ClaimColumn::Claimant, SpeakerRole::Claimant,
                                  row.word(ClaimColumn::ClaimantName));
        !problem.isEmpty())
        return problem;
    if (QString problem
        = speaker(ClaimColumn::Via, SpeakerRole::Via, row.word(ClaimColumn::ViaName));
        !problem.isEmpty())
        return problem;
    if (const std::string_view about = row.word(ClaimColumn::About); !about.empty()) {
        if (QString problem = m_references.existing("about", about, ItemKind::Event);
            !problem.isEmpty())
            return problem;
    }
    if (const std::string_view question = row.word(ClaimColumn::Question); !question.empty()) {
        if (QString problem = m_references.question(question, row.word(ClaimColumn::QuestionText));
            !problem.isEmpty())
            return problem;
    }
    if (QString problem = speaker(ClaimColumn::QuoteSpeaker, SpeakerRole::QuoteSpeaker, {});
        !problem.isEmpty())
        return problem;
    if (row.has(ClaimColumn::Sources))
        return planSources(row.raw(ClaimColumn::Sources), row.raw(ClaimColumn::SourceTitles),
                           row.raw(ClaimColumn::SourceUrls));
    return {};
}

bool ClaimlineCsvImport::makeClaim(const QString &path, const SheetRow &row,
                                   const ClaimFields &fields, Claim &claim, bool isNew)
{
    bool changed = false;
    const auto text = [&](ClaimColumn column, TextRef &ref) {
        if (row.has(column) && !readsAs(row.raw(column), m_project.view(ref))) {
            ref = m_project.addText(cellText(row.raw(column)));
            changed = true;
        }
    };
    const auto speaker = [&](ClaimColumn column, Speaker &value) {
        if (!row.has(column))
            return;
        const std::string_view id = row.word(column);
        const Speaker after = id.empty() ? Speaker() : m_references.speakerOf(id);
        if (!(after == value)) {
            value = after;
            changed = true;
        }
    };
    // An empty cell clears the reference.
    const auto optionalIndex = [&](ClaimColumn column, std::uint32_t &value) {
        if (!row.has(column))
            return;
        const std::string_view id = row.word(column);
        const std::uint32_t after = id.empty() ? NoIndex : m_references.indexOf(id);
        if (after != value) {
            value = after;
            changed = true;
        }
    };

    if (row.has(ClaimColumn::MadeAt) && fields.madeAt != claim.madeAt) {
        claim.madeAt = fields.madeAt;
        changed = true;
    }
    speaker(ClaimColumn::Claimant, claim.claimant);
    speaker(ClaimColumn::Via, claim.via);
    optionalIndex(ClaimColumn::About, claim.about);
    optionalIndex(ClaimColumn::Question, claim.question);
    if (row.has(ClaimColumn::Stance) && fields.stance != claim.stance) {
        claim.stance = fields.stance;
        changed = true;
    }
    text(ClaimColumn::Statement, claim.statement);
    text(ClaimColumn::Quote, claim.quote);
    text(ClaimColumn::QuoteLanguage, claim.quoteLanguage);
    text(ClaimColumn::QuoteTranslation, claim.quoteTranslation);
    optionalIndex(ClaimColumn::QuoteSpeaker, claim.quoteSpeaker);
    if (row.has(ClaimColumn::Credibility) && fields.credibility != claim.credibility) {
        claim.credibility = fields.credibility;
        changed = true;
    }
    if (row.has(ClaimColumn::Status) && fields.status != claim.status) {
        claim.status = fields.status;
        // A change of the status is kept in its history, as an edit's is; a new claim's
        // status is where it starts.
        if (!isNew)
            claim.history = withStatusChange(claim.history, path, fields.status);
        changed = true;
    }
    if (row.has(ClaimColumn::Sources) && makeSources(row.raw(ClaimColumn::Sources), claim.sources))
        changed = true;
    return changed;
}

} // namespace claimline
