// The first guess at a mapping from a sample of the file (guessMapping), and what a date
// column's values say of the order they are written in (fitDateColumn).

#include "import/mapping/columnmapping.h"

#include "import/formats/fieldtext.h"
#include "import/mapping/mappedcsv.h"
#include "import/mapping/mappeddate.h"

#include <QRegularExpression>
#include <QStringList>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>

namespace claimline {

namespace {

using Role = MappedCsvMapper::Role;

// What a person names a column of each role, in English, German, French, Spanish, Russian
// and Ukrainian, lower case with words separated by one space (as normalized() makes names).
// A name with "=" in front fits only a column named just that: "long" is a longitude, "long
// description" is not.
struct RoleNames
{
    Role role;
    QStringList names;
};

// The order the names are tried in: a column is taken by the first role it fits, so the more
// particular roles come first ("end date" before "date", "event id" before "event").
const std::array<RoleNames, MappedCsvMapper::RoleCount> &roleNames()
{
    static const std::array<RoleNames, MappedCsvMapper::RoleCount> names {{
        {MappedCsvMapper::Coordinates,
         {QStringLiteral("coordinates"), QStringLiteral("coordinate"), QStringLiteral("coords"),
          QStringLiteral("coord"), QStringLiteral("lat lon"), QStringLiteral("lat lng"),
          QStringLiteral("lat long"), QStringLiteral("latlon"), QStringLiteral("latlng"),
          QStringLiteral("gps"), QStringLiteral("koordinaten"), QStringLiteral("coordonnées"),
          QStringLiteral("coordenadas"), QStringLiteral("координаты"),
          QStringLiteral("координати")}},
        {MappedCsvMapper::Latitude,
         {QStringLiteral("lat"), QStringLiteral("latitude"), QStringLiteral("breite"),
          QStringLiteral("breitengrad"), QStringLiteral("latitud"), QStringLiteral("широта")}},
        {MappedCsvMapper::Longitude,
         {QStringLiteral("lon"), QStringLiteral("lng"), QStringLiteral("=long"),
          QStringLiteral("longitude"), QStringLiteral("länge"), QStringLiteral("längengrad"),
          QStringLiteral("longitud"), QStringLiteral("долгота"), QStringLiteral("довгота")}},
        {MappedCsvMapper::EndDate,
         {QStringLiteral("end date"), QStringLiteral("date end"), QStringLiteral("enddate"),
          QStringLiteral("=end"), QStringLiteral("until"), QStringLiteral("=bis"),
          QStringLiteral("enddatum"), QStringLiteral("date de fin"), QStringLiteral("=fin"),
          QStringLiteral("fecha fin"), QStringLiteral("fecha de fin"),
          QStringLiteral("fecha final"), QStringLiteral("дата окончания"),
          QStringLiteral("дата завершения"), QStringLiteral("конец"),
          QStringLiteral("дата закінчення"), QStringLiteral("кінець")}},
        {MappedCsvMapper::Date,
         {QStringLiteral("date"), QStringLiteral("datum"), QStringLiteral("fecha"),
          QStringLiteral("дата"), QStringLiteral("=data"), QStringLiteral("=day"),
          QStringLiteral("=when"), QStringLiteral("jour"), QStringLiteral("día"),
          QStringLiteral("dia"), QStringLiteral("start date"), QStringLiteral("=start"),
          QStringLiteral("beginn"), QStringLiteral("début"), QStringLiteral("inicio"),
          QStringLiteral("=день")}},
        {MappedCsvMapper::Id,
         {QStringLiteral("id"), QStringLiteral("uid"), QStringLiteral("identifier"),
          QStringLiteral("kennung"), QStringLiteral("identifiant"), QStringLiteral("identificador"),
          QStringLiteral("идентификатор"), QStringLiteral("ідентифікатор")}},
        {MappedCsvMapper::Title,
         {QStringLiteral("title"),     QStringLiteral("headline"),    QStringLiteral("=event"),
          QStringLiteral("=name"),     QStringLiteral("subject"),     QStringLiteral("titel"),
          QStringLiteral("ereignis"),  QStringLiteral("überschrift"), QStringLiteral("titre"),
          QStringLiteral("événement"), QStringLiteral("evenement"),   QStringLiteral("título"),
          QStringLiteral("titulo"),    QStringLiteral("evento"),      QStringLiteral("заголовок"),
          QStringLiteral("название"),  QStringLiteral("событие"),     QStringLiteral("подія"),
          QStringLiteral("назва"),     QStringLiteral("тема")}},
        {MappedCsvMapper::Party,
         {QStringLiteral("party"),          QStringLiteral("parties"), QStringLiteral("actor"),
          QStringLiteral("actors"),         QStringLiteral("side"),    QStringLiteral("group"),
          QStringLiteral("perpetrator"),    QStringLiteral("partei"),  QStringLiteral("akteur"),
          QStringLiteral("konfliktpartei"), QStringLiteral("partie"),  QStringLiteral("acteur"),
          QStringLiteral("=camp"),          QStringLiteral("=parte"),  QStringLiteral("bando"),
          QStringLiteral("сторона"),        QStringLiteral("стороны"), QStringLiteral("актор"),
          QStringLiteral("участник"),       QStringLiteral("сторони"), QStringLiteral("учасник")}},
        {MappedCsvMapper::SourceUrl,
         {QStringLiteral("url"), QStringLiteral("link"), QStringLiteral("links"),
          QStringLiteral("source"), QStringLiteral("sources"), QStringLiteral("source url"),
          QStringLiteral("quelle"), QStringLiteral("quellen"), QStringLiteral("lien"),
          QStringLiteral("fuente"), QStringLiteral("fuentes"), QStringLiteral("enlace"),
          QStringLiteral("источник"), QStringLiteral("источники"), QStringLiteral("ссылка"),
          QStringLiteral("джерело"), QStringLiteral("джерела"), QStringLiteral("посилання")}},
        {MappedCsvMapper::Summary,
         {QStringLiteral("summary"),     QStringLiteral("description"),
          QStringLiteral("notes"),       QStringLiteral("=note"),
          QStringLiteral("text"),        QStringLiteral("details"),
          QStringLiteral("=body"),       QStringLiteral("comment"),
          QStringLiteral("comments"),    QStringLiteral("beschreibung"),
          QStringLiteral("notizen"),     QStringLiteral("zusammenfassung"),
          QStringLiteral("résumé"),      QStringLiteral("resume"),
          QStringLiteral("descripción"), QStringLiteral("descripcion"),
          QStringLiteral("resumen"),     QStringLiteral("notas"),
          QStringLiteral("описание"),    QStringLiteral("примечание"),
          QStringLiteral("примечания"),  QStringLiteral("текст"),
          QStringLiteral("подробности"), QStringLiteral("комментарий"),
          QStringLiteral("опис"),        QStringLiteral("деталі"),
          QStringLiteral("нотатки"),     QStringLiteral("коментар")}},
        {MappedCsvMapper::Place,
         {QStringLiteral("place"), QStringLiteral("location"), QStringLiteral("city"),
          QStringLiteral("town"), QStringLiteral("village"), QStringLiteral("settlement"),
          QStringLiteral("ort"), QStringLiteral("lieu"), QStringLiteral("ville"),
          QStringLiteral("lugar"), QStringLiteral("ciudad"), QStringLiteral("место"),
          QStringLiteral("город"), QStringLiteral("населенный пункт"), QStringLiteral("локация"),
          QStringLiteral("місце"), QStringLiteral("місто"), QStringLiteral("населений пункт"),
          QStringLiteral("локація")}},
    }};
    return names;
}

// "Event_Date " → "event date": lower case, words of letters and digits, one space apart.
QString normalized(const std::string &name)
{
    static const QRegularExpression notWord(QStringLiteral("[^\\p{L}\\p{N}]+"));
    QString text = QString::fromUtf8(name.data(), qsizetype(name.size())).toLower();
    text.replace(notWord, QStringLiteral(" "));
    return text.trimmed();
}

// Whether the column's normalized name fits one of the role's names: as a whole, or (when
// `whole` is false) as words of it.
bool fits(const QString &column, const QStringList &roleNames, bool whole)
{
    const QString padded = u' ' + column + u' ';
    return std::any_of(roleNames.begin(), roleNames.end(), [&](const QString &name) {
        if (name.startsWith(u'='))
            return whole && QStringView(name).mid(1) == column;
        return whole ? name == column : padded.contains(u' ' + name + u' ');
    });
}

// What a column's sample values say of dates.
struct ColumnDates
{
    std::array<std::int64_t, 4> reads {}; // values each DateOrder reads
    std::int64_t values = 0; // non-empty
    std::int64_t unreadable = 0; // values no order reads
    std::int64_t numeric = 0; // day and month in numbers ("03/04/2023")
    std::int64_t days = 0; // values read as a day (not a month or a year)
    std::int64_t written = 0; // "16 February 2023"
    bool someBothWays = false; // "03/04/2023": both numbers 12 or less, and different

    std::int64_t readable() const { return values - unreadable; }
};

ColumnDates scanDates(const CsvSample &sample, int column)
{
    ColumnDates dates;
    if (column < 0)
        return dates;
    for (const std::vector<std::string> &row : sample.rows) {
        if (std::size_t(column) >= row.size())
            continue;
        const std::string_view text = trimmedField(row[std::size_t(column)]);
        if (text.empty())
            continue;
        ++dates.values;
        bool read = false;
        DateCell last;
        for (std::size_t order = 0; order < dates.reads.size(); ++order) {
            const DateCell cell = readDateCell(text, DateOrder(order));
            if (cell.problem == DateProblem::None) {
                ++dates.reads[order];
                read = true;
                last = cell;
            } else if (cell.isNumeric()) {
                last.first = cell.first;
                last.second = cell.second;
            }
        }
        if (!read) {
            ++dates.unreadable;
            continue;
        }
        if (last.isNumeric()) {
            ++dates.numeric;
            if (last.first <= 12 && last.second <= 12 && last.first != last.second)
                dates.someBothWays = true;
        } else if (std::any_of(text.begin(), text.end(), [](char c) {
                       return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                   })) {
            ++dates.written; // a month's name
        }
        if (last.when.startPrecision() == Precision::Day)
            ++dates.days;
    }
    return dates;
}

DateColumnFit fitOf(const ColumnDates &dates)
{
    DateColumnFit fit;
    fit.unreadable = dates.unreadable;
    if (dates.readable() == 0)
        return fit;
    for (std::size_t order = 0; order < dates.reads.size(); ++order) {
        if (dates.reads[order] == dates.readable())
            fit.fits.push_back(DateOrder(order));
    }
    const auto fits = [&fit](DateOrder order) {
        return std::find(fit.fits.begin(), fit.fits.end(), order) != fit.fits.end();
    };
    fit.ambiguous = fits(DateOrder::DayFirst) && fits(DateOrder::MonthFirst) && dates.someBothWays;
    return fit;
}

// The order the column's values are most likely written in. When day first and month first
// both read every value, day first: most of the world writes the day first (every language
// of the names above but American English), and the wizard warns so that the person checks.
DateOrder likelyOrder(const ColumnDates &dates)
{
    if (dates.numeric == 0)
        return dates.written > 0 && dates.written == dates.readable() ? DateOrder::Written
                                                                      : DateOrder::Iso;
    const std::int64_t dayFirst = dates.reads[std::size_t(DateOrder::DayFirst)];
    const std::int64_t monthFirst = dates.reads[std::size_t(DateOrder::MonthFirst)];
    return monthFirst > dayFirst ? DateOrder::MonthFirst : DateOrder::DayFirst;
}

bool isTextColumn(const CsvSample &sample, int column)
{
    bool any = false;
    for (const std::vector<std::string> &row : sample.rows) {
        if (std::size_t(column) >= row.size())
            continue;
        const std::string_view text = trimmedField(row[std::size_t(column)]);
        if (text.empty())
            continue;
        any = true;
        if (parseNumber(text) || text.starts_with("http://") || text.starts_with("https://"))
            return false;
    }
    return any;
}

bool isAddressColumn(const CsvSample &sample, int column)
{
    bool any = false;
    for (const std::vector<std::string> &row : sample.rows) {
        if (std::size_t(column) >= row.size())
            continue;
        const std::string_view text = trimmedField(row[std::size_t(column)]);
        if (text.empty())
            continue;
        any = true;
        if (!text.starts_with("http://") && !text.starts_with("https://"))
            return false;
    }
    return any;
}

} // namespace

DateColumnFit fitDateColumn(const CsvSample &sample, int column)
{
    return fitOf(scanDates(sample, column));
}

ColumnMapping guessMapping(const CsvSample &sample)
{
    ColumnMapping mapping;
    mapping.header = sample.header;
    const int count = int(sample.header.size());
    std::vector<QString> names;
    for (const std::string &name : sample.header)
        names.push_back(normalized(name));
    std::array<int, MappedCsvMapper::RoleCount> chosen {};
    chosen.fill(-1);
    std::vector<bool> taken(std::size_t(count), false);
    const auto choose = [&](Role role, int column) {
        chosen[role] = column;
        taken[std::size_t(column)] = true;
    };

    // First the names that are the whole column name, then those among its words ("Event
    // date", "date_start"), so that "Event" is the title even beside "Event date".
    for (const bool whole : {true, false}) {
        for (const RoleNames &role : roleNames()) {
            for (int c = 0; c < count && chosen[role.role] < 0; ++c) {
                if (taken[std::size_t(c)] || names[std::size_t(c)].isEmpty())
                    continue;
                if (fits(names[std::size_t(c)], role.names, whole))
                    choose(role.role, c);
            }
        }
    }
    // By the values: the date is the first column whose values all read, some as days; the
    // source the first of web addresses; the title the first column of words.
    for (int c = 0; c < count && chosen[MappedCsvMapper::Date] < 0; ++c) {
        const ColumnDates dates = scanDates(sample, c);
        if (!taken[std::size_t(c)] && dates.readable() > 0 && dates.unreadable == 0
            && dates.days > 0)
            choose(MappedCsvMapper::Date, c);
    }
    for (int c = 0; c < count && chosen[MappedCsvMapper::SourceUrl] < 0; ++c) {
        if (!taken[std::size_t(c)] && isAddressColumn(sample, c))
            choose(MappedCsvMapper::SourceUrl, c);
    }
    for (int c = 0; c < count && chosen[MappedCsvMapper::Title] < 0; ++c) {
        if (!taken[std::size_t(c)] && isTextColumn(sample, c))
            choose(MappedCsvMapper::Title, c);
    }
    // A position is one coordinates column or a latitude and a longitude column.
    if (chosen[MappedCsvMapper::Latitude] < 0 || chosen[MappedCsvMapper::Longitude] < 0)
        chosen[MappedCsvMapper::Latitude] = chosen[MappedCsvMapper::Longitude] = -1;
    else
        chosen[MappedCsvMapper::Coordinates] = -1;

    for (std::size_t role = 0; role < chosen.size(); ++role) {
        if (chosen[role] >= 0)
            mapping.*MappedCsvMapper::RoleColumns[role] = sample.header[std::size_t(chosen[role])];
    }
    if (chosen[MappedCsvMapper::Date] >= 0)
        mapping.dateOrder = likelyOrder(scanDates(sample, chosen[MappedCsvMapper::Date]));
    spdlog::info("guessed a column mapping: date {}, title {}, {} columns in all",
                 mapping.date.empty() ? "not found" : "found",
                 mapping.title.empty() ? "not found" : "found", count);
    return mapping;
}

} // namespace claimline
