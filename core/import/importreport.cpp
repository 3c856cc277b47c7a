#include "import/importer.h"

#include "export/csvexport.h"

#include <QLocale>

#include <algorithm>

namespace claimline {

namespace {

// "1,204": the summary is English whatever the user's locale (scripts read it).
QString count(std::int64_t n)
{
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    return english.toString(qlonglong(n));
}

QString counted(std::int64_t n, const char *singular, const char *plural)
{
    return count(n) + u' ' + QLatin1String(n == 1 ? singular : plural);
}

} // namespace

QString ImportProblem::toString() const
{
    // A problem with the whole file has no line: "FILE: reason", as compilers write it.
    if (line <= 0)
        return file + QStringLiteral(": ") + reason;
    return file + u':' + QString::number(line) + QStringLiteral(": ") + reason;
}

std::int64_t ImportReport::refused() const
{
    return std::count_if(problems.begin(), problems.end(),
                         [](const ImportProblem &p) { return p.line > 0; });
}

QString ImportReport::summary() const
{
    if (cancelled)
        return QStringLiteral("import cancelled");
    QString text = (eventsOnly ? counted(added, "event added", "events added")
                               : counted(added, "item added", "items added"))
        + QStringLiteral(", ") + count(updated) + QStringLiteral(" updated, ") + count(unchanged)
        + QStringLiteral(" unchanged, ") + counted(refused(), "row refused", "rows refused");
    if (periodsAdded > 0)
        text += QStringLiteral(", ") + counted(periodsAdded, "period added", "periods added");
    const auto unread = std::int64_t(problems.size()) - refused();
    if (unread > 0)
        text += QStringLiteral(", ") + counted(unread, "file not read", "files not read");
    if (!missingIds.empty())
        text += QStringLiteral(", ") + count(std::int64_t(missingIds.size()))
            + (removed > 0 ? QStringLiteral(" missing (removed)")
                           : QStringLiteral(" missing (kept)"));
    return text;
}

QString ImportReport::problemsCsv() const
{
    // The file's text goes in as it is, quoted; csvText() keeps a spreadsheet from taking a
    // reason that starts with "=" for a formula.
    QString csv = QStringLiteral("file,line,reason\r\n");
    for (const ImportProblem &problem : problems) {
        csv += csvText(problem.file) + u',' + QString::number(problem.line) + u','
            + csvText(problem.reason) + QStringLiteral("\r\n");
    }
    return csv;
}

int ImportProgress::percent() const
{
    const std::int64_t total = bytesTotal.load(std::memory_order_relaxed);
    if (total <= 0)
        return 0;
    const std::int64_t done
        = std::clamp<std::int64_t>(bytesDone.load(std::memory_order_relaxed), 0, total);
    return int(done * 100 / total);
}

} // namespace claimline
