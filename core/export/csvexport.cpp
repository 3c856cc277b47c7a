#include "export/csvexport.h"

#include "document/filter.h"
#include "export/csvcolumns.h"
#include "export/utf8writer.h"
#include "model/project.h"
#include "session/safewrite.h"

#include <QDir>
#include <QIODevice>

#include <cstring>
#include <span>

namespace claimline {

namespace {

// The rules, for QString (csvText()) and UTF-8 (CsvWriter) alike: a field holding one of these
// is quoted, and text starting with one of OWASP's characters that make a spreadsheet cell a
// formula gets an apostrophe first.
constexpr std::string_view QuotedCharacters = ",\"\r\n";
constexpr std::string_view FormulaStarts = "=+-@\t\r";

// Whether the text holds one of QuotedCharacters. Eight bytes at a time: a zero byte in the
// word XORed with a character's copies is that character (exact as a yes/no).
bool needsQuotes(std::string_view text)
{
    constexpr std::uint64_t ones = 0x0101010101010101u;
    constexpr std::uint64_t highs = 0x8080808080808080u;
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        std::uint64_t found = 0;
        for (const char c : QuotedCharacters) {
            const std::uint64_t x = word ^ (ones * static_cast<unsigned char>(c));
            found |= (x - ones) & ~x;
        }
        if (found & highs)
            return true;
    }
    return text.substr(i).find_first_of(QuotedCharacters) != std::string_view::npos;
}

// One CSV file: rows of comma-separated fields, CRLF after each, written as UTF-8 straight
// from the project's text (utf8writer.h). A million events make a few hundred MiB, which are
// never held at once.
class CsvWriter
{
public:
    CsvWriter(QIODevice &device, bool byteOrderMark)
        : m_out(device, byteOrderMark)
    { }

    void header(std::span<const std::string_view> names)
    {
        for (const std::string_view name : names)
            plain(name);
        endRow();
    }
    // Text from the project: csvText().
    void text(std::string_view raw) { textUtf8(normalizedUtf8(raw, m_scratch)); }
    void text(const QString &text) { textUtf8(text.toStdString()); }
    // Text as normalizedUtf8() gives it.
    void textUtf8(std::string_view utf8)
    {
        separator();
        const bool guard = !utf8.empty() && FormulaStarts.find(utf8.front()) != FormulaStarts.npos;
        if (!needsQuotes(utf8)) {
            if (guard)
                m_out.append('\'');
            m_out.append(utf8);
            return;
        }
        m_out.append('"');
        if (guard)
            m_out.append('\'');
        std::size_t clean = 0;
        for (std::size_t i = utf8.find('"'); i != utf8.npos; i = utf8.find('"', i + 1)) {
            m_out.append(utf8.substr(clean, i + 1 - clean));
            m_out.append('"');
            clean = i + 1;
        }
        m_out.append(utf8.substr(clean));
        m_out.append('"');
    }
    // A field that needs no quoting (names, EDTF).
    void plain(std::string_view ascii)
    {
        separator();
        m_out.append(ascii);
    }
    void empty() { separator(); }
    void integer(std::int64_t value)
    {
        separator();
        m_out.appendInteger(value);
    }
    void number(double value)
    {
        separator();
        m_out.appendNumber(value);
    }
    // The instant in ISO 8601, UTC.
    void instant(std::int64_t seconds)
    {
        separator();
        m_out.appendIsoUtc(seconds);
    }
    void endRow()
    {
        m_out.append("\r\n");
        m_out.endRecord();
        m_rowStarted = false;
    }
    bool finish(QString *error) { return m_out.finish(error); }

private:
    void separator()
    {
        if (m_rowStarted)
            m_out.append(',');
        m_rowStarted = true;
    }

    Utf8Writer m_out;
    bool m_rowStarted = false;
    std::string m_scratch;
};

// Items joined with ';' into one text field (parties, tags, sources). Each item is text from
// the project; the joined text gets the field's guard and quoting as a whole.
class CsvList
{
public:
    void add(std::string_view raw)
    {
        if (m_count++ > 0)
            m_joined.push_back(';');
        m_joined.append(normalizedUtf8(raw, m_scratch));
    }
    void writeTo(CsvWriter &csv) const { csv.textUtf8(m_joined); }
    void clear()
    {
        m_joined.clear();
        m_count = 0;
    }

private:
    std::string m_joined;
    std::string m_scratch;
    std::size_t m_count = 0;
};

// EDTF text, then the earliest and the latest instant it may mean (empty for an open end).
void timeFields(CsvWriter &csv, const FuzzyTime &time)
{
    if (time.isNull()) {
        csv.empty();
        csv.empty();
        csv.empty();
        return;
    }
    csv.plain(time.toEdtf());
    if (time.isOpenStart())
        csv.empty();
    else
        csv.instant(time.start());
    if (time.isOpenEnd())
        csv.empty();
    else
        csv.instant(time.end() - 1);
}

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

bool writeEvents(const Project &project, const Filter *filter, QIODevice &device, bool bom,
                 QString *error)
{
    CsvWriter csv(device, bom);
    csv.header(EventColumnNames);
    CsvList partyIds, partyNames, tags;
    SourceFields sources;
    const auto &events = project.events();
    for (std::uint32_t i = 0; i < events.size(); ++i) {
        if (filter && !filter->acceptsEvent(project, i))
            continue;
        const Event &event = events[i];
        partyIds.clear();
        partyNames.clear();
        tags.clear();
        for (const std::uint32_t party : project.indices(event.parties)) {
            partyIds.add(partyId(project, party));
            partyNames.add(partyName(project, party));
        }
        for (const std::uint32_t tag : project.indices(event.tags))
            tags.add(project.word(tag));
        csv.text(project.view(event.id));
        csv.text(project.view(event.title));
        timeFields(csv, event.when);
        csv.text(event.kind == NoIndex ? std::string_view() : project.word(event.kind));
        csv.plain(nameOf(event.status));
        partyIds.writeTo(csv);
        partyNames.writeTo(csv);
        tags.writeTo(csv);
        csv.text(project.view(event.locationName));
        if (event.hasLocation()) {
            csv.number(event.latitude);
            csv.number(event.longitude);
        } else {
            csv.empty();
            csv.empty();
        }
        csv.text(project.view(event.summary));
        sources.write(csv, project, event.sources);
        csv.endRow();
    }
    return csv.finish(error);
}

bool writeClaims(const Project &project, const Filter *filter, QIODevice &device, bool bom,
                 QString *error)
{
    CsvWriter csv(device, bom);
    csv.header(ClaimColumnNames);
    SourceFields sources;
    const auto &claims = project.claims();
    for (std::uint32_t i = 0; i < claims.size(); ++i) {
        if (filter && !filter->acceptsClaim(project, i))
            continue;
        const Claim &claim = claims[i];
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
        sources.write(csv, project, claim.sources);
        csv.endRow();
    }
    return csv.finish(error);
}

bool writeRelations(const Project &project, const Filter *filter, QIODevice &device, bool bom,
                    QString *error)
{
    CsvWriter csv(device, bom);
    csv.header(RelationExportColumnNames);
    for (const Relation &relation : project.relations()) {
        if (filter
            && (!filter->acceptsClaim(project, relation.from)
                || !filter->acceptsClaim(project, relation.to)))
            continue;
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
    }
    return csv.finish(error);
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
    using Writer = bool (*)(const Project &, const Filter *, QIODevice &, bool, QString *);
    const std::pair<const char *, Writer> files[] = {{"events.csv", writeEvents},
                                                     {"claims.csv", writeClaims},
                                                     {"relations.csv", writeRelations}};
    for (const auto &[name, writer] : files) {
        const QString error = safeWrite(
            dir.filePath(QString::fromLatin1(name)),
            [&, writer = writer](QIODevice &device, QString *message) {
                return writer(project, filter, device, options.byteOrderMark, message);
            },
            SafeWriteOptions {false});
        if (!error.isEmpty())
            return error;
    }
    return {};
}

} // namespace claimline
