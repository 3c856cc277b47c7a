#include "export/csvexport.h"

#include "document/filter.h"
#include "model/project.h"
#include "session/safewrite.h"

#include <QDateTime>
#include <QDir>
#include <QIODevice>
#include <QStringList>

namespace claimline {

namespace {

// Rows are collected as UTF-8 and handed to the file in blocks: a million events make a few
// hundred MiB, which are never held at once.
class CsvWriter
{
public:
    CsvWriter(QIODevice &device, bool byteOrderMark)
        : m_device(device)
    {
        if (byteOrderMark)
            m_buffer.append("\xEF\xBB\xBF");
    }

    void row(const QStringList &fields)
    {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i > 0)
                m_buffer.append(',');
            m_buffer.append(fields[i].toUtf8());
        }
        m_buffer.append("\r\n");
        if (m_buffer.size() >= BlockSize)
            flush();
    }

    bool finish(QString *error)
    {
        flush();
        if (!m_ok)
            *error = m_device.errorString();
        return m_ok;
    }

private:
    static constexpr qsizetype BlockSize = 1 << 20;

    void flush()
    {
        if (m_ok && !m_buffer.isEmpty() && m_device.write(m_buffer) != m_buffer.size())
            m_ok = false;
        m_buffer.clear();
    }

    QIODevice &m_device;
    QByteArray m_buffer;
    bool m_ok = true;
};

QString iso(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate); // "…Z"
}

// EDTF text, then the earliest and the latest instant it may mean (empty for an open end).
QStringList timeFields(const FuzzyTime &time)
{
    if (time.isNull())
        return {QString(), QString(), QString()};
    return {QString::fromStdString(time.toEdtf()),
            time.isOpenStart() ? QString() : iso(time.start()),
            time.isOpenEnd() ? QString() : iso(time.end() - 1)};
}

QString joined(const QStringList &items)
{
    return csvText(items.join(QLatin1Char(';')));
}

QString partyName(const Project &project, std::uint32_t party)
{
    return party == NoIndex ? QString() : project.text(project.parties()[party].name);
}

QString partyId(const Project &project, std::uint32_t party)
{
    return party == NoIndex ? QString() : project.text(project.parties()[party].id);
}

QString speakerId(const Project &project, Speaker speaker)
{
    if (!speaker.isValid())
        return {};
    return speaker.isParty ? project.text(project.parties()[speaker.index].id)
                           : project.text(project.actors()[speaker.index].id);
}

QString speakerName(const Project &project, Speaker speaker)
{
    if (!speaker.isValid())
        return {};
    return speaker.isParty ? project.text(project.parties()[speaker.index].name)
                           : project.text(project.actors()[speaker.index].name);
}

// Source ids, titles and URLs of a list of citations.
QStringList sourceFields(const Project &project, IndexRange citations)
{
    QStringList ids;
    QStringList titles;
    QStringList urls;
    for (const Citation &citation : project.citations(citations)) {
        if (citation.source == NoIndex)
            continue;
        const Source &source = project.sources()[citation.source];
        ids << project.text(source.id);
        titles << project.text(source.title);
        urls << project.text(source.url);
    }
    return {joined(ids), joined(titles), joined(urls)};
}

QString statusName(Status status)
{
    return QString::fromLatin1(nameOf(status).data(), qsizetype(nameOf(status).size()));
}

bool writeEvents(const Project &project, const Filter *filter, QIODevice &device, bool bom,
                 QString *error)
{
    CsvWriter csv(device, bom);
    csv.row({QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("when"),
             QStringLiteral("earliest"), QStringLiteral("latest"), QStringLiteral("kind"),
             QStringLiteral("status"), QStringLiteral("parties"), QStringLiteral("party_names"),
             QStringLiteral("tags"), QStringLiteral("location"), QStringLiteral("latitude"),
             QStringLiteral("longitude"), QStringLiteral("summary"), QStringLiteral("sources"),
             QStringLiteral("source_titles"), QStringLiteral("source_urls")});
    const auto &events = project.events();
    for (std::uint32_t i = 0; i < events.size(); ++i) {
        if (filter && !filter->acceptsEvent(project, i))
            continue;
        const Event &event = events[i];
        QStringList partyIds;
        QStringList partyNames;
        for (const std::uint32_t party : project.indices(event.parties)) {
            partyIds << partyId(project, party);
            partyNames << partyName(project, party);
        }
        QStringList tags;
        for (const std::uint32_t tag : project.indices(event.tags))
            tags << QString::fromUtf8(project.word(tag).data(),
                                      qsizetype(project.word(tag).size()));
        const std::string_view kind
            = event.kind == NoIndex ? std::string_view() : project.word(event.kind);
        QStringList row {csvText(project.text(event.id)), csvText(project.text(event.title))};
        row << timeFields(event.when);
        row << csvText(QString::fromUtf8(kind.data(), qsizetype(kind.size())))
            << statusName(event.status) << joined(partyIds) << joined(partyNames) << joined(tags)
            << csvText(project.text(event.locationName))
            << (event.hasLocation() ? QString::number(event.latitude, 'g', 10) : QString())
            << (event.hasLocation() ? QString::number(event.longitude, 'g', 10) : QString())
            << csvText(project.text(event.summary));
        row << sourceFields(project, event.sources);
        csv.row(row);
    }
    return csv.finish(error);
}

bool writeClaims(const Project &project, const Filter *filter, QIODevice &device, bool bom,
                 QString *error)
{
    CsvWriter csv(device, bom);
    csv.row({QStringLiteral("id"),
             QStringLiteral("made_at"),
             QStringLiteral("earliest"),
             QStringLiteral("latest"),
             QStringLiteral("claimant"),
             QStringLiteral("claimant_name"),
             QStringLiteral("party"),
             QStringLiteral("party_name"),
             QStringLiteral("via"),
             QStringLiteral("via_name"),
             QStringLiteral("about"),
             QStringLiteral("about_title"),
             QStringLiteral("question"),
             QStringLiteral("question_text"),
             QStringLiteral("stance"),
             QStringLiteral("statement"),
             QStringLiteral("quote"),
             QStringLiteral("quote_language"),
             QStringLiteral("quote_translation"),
             QStringLiteral("quote_speaker"),
             QStringLiteral("credibility"),
             QStringLiteral("status"),
             QStringLiteral("sources"),
             QStringLiteral("source_titles"),
             QStringLiteral("source_urls")});
    const auto &claims = project.claims();
    for (std::uint32_t i = 0; i < claims.size(); ++i) {
        if (filter && !filter->acceptsClaim(project, i))
            continue;
        const Claim &claim = claims[i];
        const std::uint32_t party = project.partyOfClaim(i);
        QStringList row {csvText(project.text(claim.id))};
        row << timeFields(claim.madeAt);
        row << csvText(speakerId(project, claim.claimant))
            << csvText(speakerName(project, claim.claimant)) << csvText(partyId(project, party))
            << csvText(partyName(project, party)) << csvText(speakerId(project, claim.via))
            << csvText(speakerName(project, claim.via));
        if (claim.about != NoIndex) {
            const Event &event = project.events()[claim.about];
            row << csvText(project.text(event.id)) << csvText(project.text(event.title));
        } else {
            row << QString() << QString();
        }
        if (claim.question != NoIndex) {
            const Question &question = project.questions()[claim.question];
            row << csvText(project.text(question.id)) << csvText(project.text(question.text));
        } else {
            row << QString() << QString();
        }
        const std::string_view stance = nameOf(claim.stance);
        row << QString::fromLatin1(stance.data(), qsizetype(stance.size()))
            << csvText(project.text(claim.statement)) << csvText(project.text(claim.quote))
            << csvText(project.text(claim.quoteLanguage))
            << csvText(project.text(claim.quoteTranslation))
            << csvText(claim.quoteSpeaker == NoIndex
                           ? QString()
                           : project.text(project.actors()[claim.quoteSpeaker].id))
            << (claim.credibility ? QString::number(claim.credibility) : QString())
            << statusName(claim.status);
        row << sourceFields(project, claim.sources);
        csv.row(row);
    }
    return csv.finish(error);
}

bool writeRelations(const Project &project, const Filter *filter, QIODevice &device, bool bom,
                    QString *error)
{
    CsvWriter csv(device, bom);
    csv.row({QStringLiteral("from"), QStringLiteral("from_party"), QStringLiteral("to"),
             QStringLiteral("to_party"), QStringLiteral("kind"), QStringLiteral("lag_min_seconds"),
             QStringLiteral("lag_max_seconds"), QStringLiteral("lag")});
    for (const Relation &relation : project.relations()) {
        if (filter
            && (!filter->acceptsClaim(project, relation.from)
                || !filter->acceptsClaim(project, relation.to)))
            continue;
        const Claim &from = project.claims()[relation.from];
        const Claim &to = project.claims()[relation.to];
        const Lag lag = responseLag(from.madeAt, to.madeAt);
        const bool bounded = lag.max != FuzzyTime::OpenEnd;
        const std::string_view kind = nameOf(relation.kind);
        csv.row({csvText(project.text(from.id)),
                 csvText(partyId(project, project.partyOfClaim(relation.from))),
                 csvText(project.text(to.id)),
                 csvText(partyId(project, project.partyOfClaim(relation.to))),
                 QString::fromLatin1(kind.data(), qsizetype(kind.size())), QString::number(lag.min),
                 bounded ? QString::number(lag.max) : QString(), csvText(formatLag(lag))});
    }
    return csv.finish(error);
}

} // namespace

QString csvQuoted(const QString &field)
{
    static const QString special = QStringLiteral(",\"\r\n");
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
    // OWASP's list of characters that make a spreadsheet cell a formula.
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
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
