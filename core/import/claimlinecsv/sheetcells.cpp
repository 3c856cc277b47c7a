#include "import/claimlinecsv/sheetcells.h"

#include "import/formats/fieldtext.h"

#include <QDateTime>
#include <QStringBuilder>

#include <algorithm>

namespace claimline {

namespace {

// export/csvexport.cpp's csvText(): OWASP's characters that make a spreadsheet cell a formula.
constexpr std::string_view FormulaStarts = "=+-@\t\r";

std::string withLfLineEnds(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
            continue;
        out.push_back(text[i]);
    }
    return out;
}

} // namespace

QString columnText(std::string_view column)
{
    return QString::fromLatin1(column.data(), qsizetype(column.size()));
}

QString kindWithArticle(ItemKind kind)
{
    const std::string_view name = nameOf(kind);
    const bool vowel = name.front() == 'a' || name.front() == 'e';
    return (vowel ? QStringLiteral("an ") : QStringLiteral("a ")) % columnText(name);
}

bool startsLikeFormula(std::string_view text)
{
    return !text.empty() && FormulaStarts.find(text.front()) != std::string_view::npos;
}

std::string_view unguarded(std::string_view cell)
{
    if (cell.size() >= 2 && cell.front() == '\'' && startsLikeFormula(cell.substr(1)))
        return cell.substr(1);
    return cell;
}

bool readsAs(std::string_view cell, std::string_view value)
{
    // Compared with the value as the export wrote it first: "'=x" in the project (which the
    // export leaves alone) must read as itself, not as "=x".
    if (cell == value)
        return true;
    if (startsLikeFormula(value) && cell.size() == value.size() + 1 && cell.front() == '\''
        && cell.substr(1) == value)
        return true;
    if (cell.find('\r') == std::string_view::npos && value.find('\r') == std::string_view::npos)
        return false;
    return cellText(cell) == withLfLineEnds(value);
}

std::string cellText(std::string_view cell)
{
    return withLfLineEnds(unguarded(cell));
}

std::vector<std::string_view> listItems(std::string_view cell)
{
    std::vector<std::string_view> items;
    appendListItems(unguarded(trimmedField(cell)), ';', items);
    return items;
}

std::vector<std::string_view> listEntries(std::string_view cell)
{
    std::vector<std::string_view> entries;
    std::string_view text = unguarded(trimmedField(cell));
    if (text.empty())
        return entries;
    for (;;) {
        const std::size_t at = text.find(';');
        entries.push_back(trimmedField(text.substr(0, at)));
        if (at == std::string_view::npos)
            break;
        text.remove_prefix(at + 1);
    }
    return entries;
}

std::string_view pairedItem(const std::vector<std::string_view> &ids, std::size_t position,
                            std::string_view cell)
{
    if (ids.size() == 1)
        return trimmedField(unguarded(trimmedField(cell)));
    const std::vector<std::string_view> entries = listEntries(cell);
    return entries.size() == ids.size() && position < entries.size() ? entries[position]
                                                                     : std::string_view();
}

QString notOneOf(std::string_view column, std::string_view value,
                 const std::vector<std::string_view> &names)
{
    QStringList accepted;
    for (const std::string_view name : names)
        accepted << columnText(name);
    return columnText(column) % u' ' % quotedValue(value) % QStringLiteral(" is not one of ")
        % accepted.join(QStringLiteral(", "));
}

QString readTime(std::string_view column, std::string_view cell, FuzzyTime &out)
{
    const std::string_view text = trimmedField(unguarded(trimmedField(cell)));
    if (text.empty())
        return columnText(column)
            % QStringLiteral(" is empty: it needs a date (EDTF, such as 2025-12-28)");
    std::string error;
    const std::optional<FuzzyTime> time = FuzzyTime::parse(text, &error);
    if (!time)
        return columnText(column) % QStringLiteral(": ") % QString::fromStdString(error);
    out = *time;
    return {};
}

std::optional<std::int64_t> parseInstant(std::string_view text)
{
    QString iso = QString::fromUtf8(text.data(), qsizetype(text.size())).trimmed();
    // A spreadsheet writes a date and time with a space.
    if (iso.size() > 10 && iso.at(10) == u' ')
        iso[10] = u'T';
    const QDateTime parsed = QDateTime::fromString(iso, Qt::ISODate);
    if (!parsed.isValid())
        return std::nullopt;
    if (parsed.timeSpec() == Qt::LocalTime)
        return QDateTime(parsed.date(), parsed.time(), Qt::UTC).toSecsSinceEpoch();
    return parsed.toSecsSinceEpoch();
}

QString derivedTimesProblem(std::string_view earliest, std::string_view latest,
                            const FuzzyTime &time, const FuzzyTime *previous,
                            std::string_view timeColumn, std::string_view timeCell)
{
    // What the export writes: the first second and the last (empty for an open end).
    const auto first = [](const FuzzyTime &t) {
        return t.isOpenStart() ? std::nullopt : std::optional<std::int64_t>(t.start());
    };
    const auto last = [](const FuzzyTime &t) {
        return t.isOpenEnd() ? std::nullopt : std::optional<std::int64_t>(t.end() - 1);
    };
    const auto check
        = [&](std::string_view column, std::string_view cell, std::optional<std::int64_t> derived,
              std::optional<std::int64_t> derivedBefore) -> QString {
        cell = trimmedField(unguarded(trimmedField(cell)));
        if (cell.empty())
            return {};
        const std::optional<std::int64_t> instant = parseInstant(cell);
        if (instant && (instant == derived || (previous && instant == derivedBefore)))
            return {};
        return columnText(column) % u' ' % quotedValue(cell) % QStringLiteral(" does not match ")
            % columnText(timeColumn) % u' ' % quotedValue(trimmedField(timeCell))
            % QStringLiteral(": edit the ") % columnText(timeColumn) % QStringLiteral(" column");
    };
    const FuzzyTime none;
    const FuzzyTime &before = previous ? *previous : none;
    if (QString problem = check("earliest", earliest, first(time), first(before));
        !problem.isEmpty())
        return problem;
    return check("latest", latest, last(time), last(before));
}

} // namespace claimline
