#include "export/csvexport.h"

#include "annotation/annotationlist.h"
#include "document/filter.h"
#include "export/csvcolumns.h"
#include "export/csvwriter.h"
#include "export/utf8writer.h"
#include "model/itembits.h"
#include "model/project.h"
#include "session/safewrite.h"

#include <QDir>
#include <QIODevice>

#include <cstring>
#include <memory>
#include <span>

namespace claimline {

namespace {

using csv::CsvList;
using csv::CsvWriter;
using csv::FormulaStarts;
using csv::QuotedCharacters;
using csv::timeFields;

std::string_view partyName(const Project &project, std::uint32_t party)
{
    return party == NoIndex ? std::string_view() : project.view(project.parties()[party].name);
}

std::string_view partyId(const Project &project, std::uint32_t party)
{
    return party == NoIndex ? std::string_view() : project.view(project.parties()[party].id);
}

std::string_view speakerId(const Project &project, Speaker speaker)
{
    if (!speaker.isValid())
        return {};
    return speaker.isParty ? project.view(project.parties()[speaker.index].id)
                           : project.view(project.actors()[speaker.index].id);
}

std::string_view speakerName(const Project &project, Speaker speaker)
{
    if (!speaker.isValid())
        return {};
    return speaker.isParty ? project.view(project.parties()[speaker.index].name)
                           : project.view(project.actors()[speaker.index].name);
}

// Source ids, titles and URLs of a list of citations, as three fields.
class SourceFields
{
public:
    void write(CsvWriter &csv, const Project &project, IndexRange citations)
    {
        m_ids.clear();
        m_titles.clear();
        m_urls.clear();
        for (const Citation &citation : project.citations(citations)) {
            if (citation.source == NoIndex)
                continue;
            const Source &source = project.sources()[citation.source];
            m_ids.add(project.view(source.id));
            m_titles.add(project.view(source.title));
            m_urls.add(project.view(source.url));
        }
        m_ids.writeTo(csv);
        m_titles.writeTo(csv);
        m_urls.writeTo(csv);
    }

private:
    CsvList m_ids, m_titles, m_urls;
};

// The analyst's columns (--with-notes): the star, the internal notes and the annotations.
void writeNotes(CsvWriter &csv, const Project &project, bool starred, TextRef notes,
                IndexRange annotations)
{
    csv.plain(starred ? "true" : "");
    csv.text(project.view(notes));
    csv.text(annotationsText(project, annotations));
}

// What a thread writes rows with: a writer of pieces, and the lists it fills for each row.
struct RowWriter
{
    CsvWriter csv;
    CsvList partyIds, partyNames, tags;
    SourceFields sources;

    std::string &buffer() { return csv.buffer(); }
};

// The rows of items [0, count), row(writer, i) each, after what `csv` already holds
// (writeItemsInPieces()).
template<typename Row>
bool writeRows(CsvWriter &csv, std::size_t count, const ExportPieces &how, const Row &row,
               QString *error)
{
    writeItemsInPieces<RowWriter>(
        csv.out(), count, how, [] { return std::make_unique<RowWriter>(); }, row);
    return csv.finish(error);
}

std::span<const std::string_view> noteColumns(const CsvExportOptions &options,
                                              std::span<const std::string_view> names)
{
    return options.withNotes ? names : std::span<const std::string_view>();
}

bool writeEvents(const Project &project, const ItemBits *accepted, QIODevice &device,
                 const CsvExportOptions &options, QString *error)
{
    CsvWriter header(device, options.byteOrderMark);
    header.header(EventColumnNames, noteColumns(options, EventNoteColumnNames));
    const auto row = [&](RowWriter &w, std::uint32_t i) {
        if (accepted && !accepted->hasEvent(i))
            return;
        const Event &event = project.events()[i];
        CsvWriter &csv = w.csv;
        w.partyIds.clear();
        w.partyNames.clear();
        w.tags.clear();
        for (const std::uint32_t party : project.indices(event.parties)) {
            w.partyIds.add(partyId(project, party));
            w.partyNames.add(partyName(project, party));
        }
        for (const std::uint32_t tag : project.indices(event.tags))
            w.tags.add(project.word(tag));
        csv.text(project.view(event.id));
        csv.text(project.view(event.title));
        timeFields(csv, event.when);
        csv.text(event.kind == NoIndex ? std::string_view() : project.word(event.kind));
        csv.plain(nameOf(event.status));
        w.partyIds.writeTo(csv);
        w.partyNames.writeTo(csv);
        w.tags.writeTo(csv);
        csv.text(project.view(event.locationName));
        if (event.hasLocation()) {
            csv.number(event.latitude);
            csv.number(event.longitude);
        } else {
            csv.empty();
            csv.empty();
        }
        csv.text(project.view(event.summary));
        w.sources.write(csv, project, event.sources);
        if (options.withNotes)
            writeNotes(csv, project, event.starred, event.notes, event.annotations);
        csv.endRow();
    };
    return writeRows(header, project.events().size(), options.pieces, row, error);
}

bool writeClaims(const Project &project, const ItemBits *accepted, QIODevice &device,
                 const CsvExportOptions &options, QString *error)
{
    CsvWriter header(device, options.byteOrderMark);
    header.header(ClaimColumnNames, noteColumns(options, ClaimNoteColumnNames));
    const auto row = [&](RowWriter &w, std::uint32_t i) {
        if (accepted && !accepted->hasClaim(i))
            return;
        const Claim &claim = project.claims()[i];
        CsvWriter &csv = w.csv;
        const std::uint32_t party = project.partyOfClaim(i);
        csv.text(project.view(claim.id));
        timeFields(csv, claim.madeAt);
        csv.text(speakerId(project, claim.claimant));
        csv.text(speakerName(project, claim.claimant));
        csv.text(partyId(project, party));
        csv.text(partyName(project, party));
        csv.text(speakerId(project, claim.via));
        csv.text(speakerName(project, claim.via));
        if (claim.about != NoIndex) {
            const Event &event = project.events()[claim.about];
            csv.text(project.view(event.id));
            csv.text(project.view(event.title));
        } else {
            csv.empty();
            csv.empty();
        }
        if (claim.question != NoIndex) {
            const Question &question = project.questions()[claim.question];
            csv.text(project.view(question.id));
            csv.text(project.view(question.text));
        } else {
            csv.empty();
            csv.empty();
        }
        csv.plain(nameOf(claim.stance));
        csv.text(project.view(claim.statement));
        csv.text(project.view(claim.quote));
        csv.text(project.view(claim.quoteLanguage));
        csv.text(project.view(claim.quoteTranslation));
        csv.text(claim.quoteSpeaker == NoIndex
                     ? std::string_view()
                     : project.view(project.actors()[claim.quoteSpeaker].id));
        if (claim.credibility)
            csv.integer(claim.credibility);
        else
            csv.empty();
        csv.plain(nameOf(claim.status));
        w.sources.write(csv, project, claim.sources);
        if (options.withNotes) {
            w.tags.clear();
            for (const std::uint32_t tag : project.indices(claim.tags))
                w.tags.add(project.word(tag));
            w.tags.writeTo(csv);
            writeNotes(csv, project, claim.starred, claim.notes, claim.annotations);
        }
        csv.endRow();
    };
    return writeRows(header, project.claims().size(), options.pieces, row, error);
}

bool writeRelations(const Project &project, const ItemBits *accepted, QIODevice &device,
                    const CsvExportOptions &options, QString *error)
{
    CsvWriter header(device, options.byteOrderMark);
    header.header(RelationExportColumnNames);
    const auto row = [&](RowWriter &w, std::uint32_t i) {
        const Relation &relation = project.relations()[i];
        if (accepted && (!accepted->hasClaim(relation.from) || !accepted->hasClaim(relation.to)))
            return;
        CsvWriter &csv = w.csv;
        const Claim &from = project.claims()[relation.from];
        const Claim &to = project.claims()[relation.to];
        const Lag lag = responseLag(from.madeAt, to.madeAt);
        csv.text(project.view(from.id));
        csv.text(partyId(project, project.partyOfClaim(relation.from)));
        csv.text(project.view(to.id));
        csv.text(partyId(project, project.partyOfClaim(relation.to)));
        csv.plain(nameOf(relation.kind));
        csv.integer(lag.min);
        if (lag.max != FuzzyTime::OpenEnd)
            csv.integer(lag.max);
        else
            csv.empty();
        csv.text(formatLag(lag));
        csv.endRow();
    };
    return writeRows(header, project.relations().size(), options.pieces, row, error);
}

} // namespace

QString csvQuoted(const QString &field)
{
    static const QString special
        = QLatin1String(QuotedCharacters.data(), qsizetype(QuotedCharacters.size()));
    bool needsQuotes = false;
    for (const QChar c : field) {
        if (special.contains(c)) {
            needsQuotes = true;
            break;
        }
    }
    if (!needsQuotes)
        return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString csvText(const QString &text)
{
    static const QString formulaStarts
        = QLatin1String(FormulaStarts.data(), qsizetype(FormulaStarts.size()));
    if (!text.isEmpty() && formulaStarts.contains(text.front()))
        return csvQuoted(QLatin1Char('\'') + text);
    return csvQuoted(text);
}

QString exportCsv(const Project &project, const QString &folder, const Filter *filter,
                  const CsvExportOptions &options)
{
    const QDir dir(folder);
    if (!dir.exists() && !QDir().mkpath(folder))
        return QStringLiteral("Could not save \"%1\": cannot create the folder.").arg(folder);
    using Writer = bool (*)(const Project &, const ItemBits *, QIODevice &,
                            const CsvExportOptions &, QString *);
    // The filter's answers for every item, made once here: the rows are made on several
    // threads, which may all read them.
    const ItemBits *accepted = filter ? &filter->accepted(project) : nullptr;
    const std::pair<const char *, Writer> files[] = {{"events.csv", writeEvents},
                                                     {"claims.csv", writeClaims},
                                                     {"relations.csv", writeRelations}};
    for (const auto &[name, writer] : files) {
        const QString error = safeWrite(
            dir.filePath(QString::fromLatin1(name)),
            [&, writer = writer](QIODevice &device, QString *message) {
                return writer(project, accepted, device, options, message);
            },
            SafeWriteOptions {false});
        if (!error.isEmpty())
            return error;
    }
    return {};
}

} // namespace claimline
