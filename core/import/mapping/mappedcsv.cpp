#include "import/mapping/mappedcsv.h"

#include "import/csv/csvreader.h"
#include "import/formats/fieldtext.h"
#include "import/mapping/mappeddate.h"

#include <QCryptographicHash>
#include <QStringBuilder>
#include <QStringList>
#include <QUrl>

#include <algorithm>
#include <vector>

namespace claimline {

namespace {

// How many of the mapping's header names a missing-column problem lists.
constexpr qsizetype NamesShown = 6;
// How many hexadecimal digits of the content hash make an id: 48 bits, so that two rows of
// one file sharing an id by chance is a one in many billions event.
constexpr qsizetype MadeIdDigits = 12;

QString quoted(std::string_view name)
{
    return u'"' % QString::fromUtf8(name.data(), qsizetype(name.size())) % u'"';
}

// "(the mapping was made for "Datum", "Titel", …)", or empty when the mapping does not say.
QString madeFor(const ColumnMapping &mapping)
{
    if (mapping.header.empty())
        return {};
    QStringList names;
    for (const std::string &name : mapping.header) {
        if (names.size() == NamesShown) {
            names << QString(QChar(0x2026));
            break;
        }
        names << quoted(name);
    }
    return QStringLiteral(" (the mapping was made for ") % names.join(QStringLiteral(", ")) % u')';
}

bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size())
        return false;
    return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
        return a == (b >= 'A' && b <= 'Z' ? char(b - 'A' + 'a') : b);
    });
}

bool isWebAddress(std::string_view text)
{
    return startsWithNoCase(text, "http://") || startsWithNoCase(text, "https://");
}

// "50.45, 30.52", "50.45 30.52", "50,45 30,52", "50.45;30.52", "50.45,30.52": latitude first.
bool splitCoordinates(std::string_view text, std::string_view &latitude,
                      std::string_view &longitude)
{
    if (const std::size_t at = text.find(';'); at != std::string_view::npos) {
        latitude = trimmedField(text.substr(0, at));
        longitude = trimmedField(text.substr(at + 1));
        return !latitude.empty() && !longitude.empty();
    }
    // Words apart from white space, a comma between them left out ("50.45 , 30.52").
    std::vector<std::string_view> words;
    while (!text.empty()) {
        const std::size_t begin = text.find_first_not_of(" \t");
        if (begin == std::string_view::npos)
            break;
        text.remove_prefix(begin);
        const std::size_t end = std::min(text.find_first_of(" \t"), text.size());
        std::string_view word = text.substr(0, end);
        text.remove_prefix(end);
        if (word.back() == ',')
            word.remove_suffix(1);
        if (!word.empty())
            words.push_back(word);
    }
    if (words.size() == 1 && std::count(words[0].begin(), words[0].end(), ',') == 1) {
        const std::size_t comma = words[0].find(',');
        words = {words[0].substr(0, comma), words[0].substr(comma + 1)};
    }
    if (words.size() != 2 || words[0].empty() || words[1].empty())
        return false;
    latitude = words[0];
    longitude = words[1];
    return true;
}

} // namespace

MappedCsvMapper::MappedCsvMapper(ColumnMapping mapping)
    : m_mapping(std::move(mapping))
{
    m_columns.fill(HeaderColumns::Absent);
}

QString MappedCsvMapper::setHeader(std::span<const std::string_view> names)
{
    m_madeIds.clear();
    m_columns.fill(HeaderColumns::Absent);
    if (mapping().date.empty())
        return QStringLiteral("no date column chosen");
    if (mapping().title.empty())
        return QStringLiteral("no title column chosen");
    if (mapping().latitude.empty() != mapping().longitude.empty())
        return mapping().latitude.empty()
            ? QStringLiteral("a longitude column is chosen without a latitude column")
            : QStringLiteral("a latitude column is chosen without a longitude column");
    if (!mapping().coordinates.empty() && !mapping().latitude.empty())
        return QStringLiteral("both a coordinates column and latitude and longitude columns are "
                              "chosen: choose one or the other");
    if (QString problem = m_header.set(names); !problem.isEmpty())
        return problem;

    QStringList absent;
    for (std::size_t role = 0; role < RoleCount; ++role) {
        const std::string_view column = headerName(mapping().*RoleColumns[role]);
        if (column.empty())
            continue;
        m_columns[role] = m_header.indexOf(column);
        if (m_columns[role] == HeaderColumns::Absent && !absent.contains(quoted(column)))
            absent << quoted(column);
    }
    if (!absent.isEmpty()) {
        const QString last = absent.takeLast();
        const QString list = absent.isEmpty()
            ? last
            : absent.join(QStringLiteral(", ")) % QStringLiteral(" and ") % last;
        return (absent.isEmpty() ? QStringLiteral("no column ") : QStringLiteral("no columns "))
            % list % QStringLiteral(" in the file") % madeFor(mapping());
    }
    m_header.keepAsAttributes(m_columns, {});
    return {};
}

std::string_view MappedCsvMapper::field(const CsvRecord &record, Role role) const
{
    return HeaderColumns::field(record, m_columns[role]);
}

QString MappedCsvMapper::map(const CsvRecord &record, ImportRow &row)
{
    if (QString problem = m_header.startRow(record, row); !problem.isEmpty())
        return problem;

    // The id first: a refused row still names the event it is about, so that a re-import
    // does not take that event for gone, and repeats are counted whether or not they read.
    if (m_columns[Id] != HeaderColumns::Absent) {
        row.id = field(record, Id);
    } else {
        makeId(record);
        row.id = m_madeId;
    }
    row.title = field(record, Title);
    if (row.title.empty())
        return QStringLiteral("title is empty");
    if (row.id.empty())
        return QStringLiteral("id is empty");
    if (QString problem = mapTime(record, row); !problem.isEmpty())
        return problem;
    if (QString problem = mapPlace(record, row); !problem.isEmpty())
        return problem;
    row.summary = field(record, Summary);
    appendListItems(field(record, Party), mapping().partySeparator, row.parties);
    if (QString problem = mapSources(record, row); !problem.isEmpty())
        return problem;
    m_header.addAttributes(record, row);
    return {};
}

QString MappedCsvMapper::mapTime(const CsvRecord &record, ImportRow &row) const
{
    const DateOrder order = mapping().dateOrder;
    const std::string_view dateText = field(record, Date);
    const DateCell start = readDateCell(dateText, order);
    if (start.problem != DateProblem::None)
        return dateProblemText("date", dateText, order, start.problem);
    row.when = start.when;
    const std::string_view endText = field(record, EndDate);
    if (endText.empty())
        return {};
    const DateCell end = readDateCell(endText, order);
    if (end.problem != DateProblem::None)
        return dateProblemText("end date", endText, order, end.problem);
    if (end.when == start.when)
        return {};
    const std::optional<FuzzyTime> span = FuzzyTime::interval(start.when, end.when);
    if (!span || end.when.end() < start.when.end())
        return QStringLiteral("end date ") % quotedValue(endText)
            % QStringLiteral(" is before date ") % quotedValue(dateText);
    row.when = *span;
    return {};
}

QString MappedCsvMapper::mapPlace(const CsvRecord &record, ImportRow &row) const
{
    row.locationName = field(record, Place);
    if (m_columns[Coordinates] == HeaderColumns::Absent)
        return readCoordinates(field(record, Latitude), field(record, Longitude), row.latitude,
                               row.longitude);
    const std::string_view text = field(record, Coordinates);
    if (text.empty())
        return {};
    std::string_view latitude;
    std::string_view longitude;
    if (!splitCoordinates(text, latitude, longitude))
        return QStringLiteral("coordinates ") % quotedValue(text)
            % QStringLiteral(" are not a latitude and a longitude (\"50.45, 30.52\")");
    return readCoordinates(latitude, longitude, row.latitude, row.longitude);
}

QString MappedCsvMapper::mapSources(const CsvRecord &record, ImportRow &row)
{
    // The parts first in sourceUrls (the list parallel to the names), then each address's host
    // written to the scratch text; the names' views are set once all of it is written, as
    // appending may move it.
    std::vector<std::string_view> &parts = row.sourceUrls;
    appendListItems(field(record, SourceUrl), ';', parts);
    m_hosts.clear();
    bool anyUrl = false;
    for (const std::string_view part : parts) {
        if (!isWebAddress(part)) {
            m_hosts.push_back({std::string_view::npos, 0});
            continue;
        }
        const QUrl url(QString::fromUtf8(part.data(), qsizetype(part.size())));
        QString host = url.host();
        if (!url.isValid() || host.isEmpty())
            return QStringLiteral("source URL ") % quotedValue(part)
                % QStringLiteral(" is not a web address");
        if (host.startsWith(QLatin1String("www.")))
            host.remove(0, 4);
        const QByteArray hostText = host.toUtf8();
        m_hosts.push_back({row.scratch.size(), std::size_t(hostText.size())});
        row.scratch.append(hostText.constData(), std::size_t(hostText.size()));
        anyUrl = true;
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto [offset, size] = m_hosts[i];
        if (offset == std::string_view::npos) {
            row.sources.push_back(parts[i]); // a name
            parts[i] = {};
        } else {
            row.sources.push_back(std::string_view(row.scratch).substr(offset, size));
        }
    }
    if (!anyUrl)
        parts.clear();
    return {};
}

void MappedCsvMapper::makeId(const CsvRecord &record)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    const auto add = [&hash](std::string_view text) {
        hash.addData(QByteArrayView(text.data(), qsizetype(text.size())));
        hash.addData(QByteArrayView("\x1f", 1));
    };
    add(field(record, Date));
    add(field(record, EndDate));
    add(field(record, Title));
    m_madeId = hash.result().toHex().left(MadeIdDigits).toStdString();
    const int seen = ++m_madeIds[m_madeId];
    if (seen > 1)
        m_madeId += '-' + std::to_string(seen);
}

} // namespace claimline
