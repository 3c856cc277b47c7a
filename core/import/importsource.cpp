#include "import/importsource.h"

#include "import/csvrowsource.h"
#include "import/datasetfile.h"
#include "import/timelinejs/timelinejsjson.h"
#include "import/timesketch/timesketchjsonl.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <nlohmann/json.hpp>

namespace claimline {

namespace {

enum class Shape : std::uint8_t { Csv, JsonDocument, JsonLines };

// How the file starts: a JSON object on its first line alone is JSON lines, a JSON document
// otherwise; anything else is delimited text.
Shape shapeOf(QFile &file)
{
    QByteArray start = file.peek(1 << 16);
    if (start.startsWith("\xEF\xBB\xBF"))
        start.remove(0, 3);
    qsizetype first = 0;
    while (first < start.size() && QByteArrayView(" \t\r\n").contains(start[first]))
        ++first;
    if (first == start.size() || (start[first] != '{' && start[first] != '['))
        return Shape::Csv;
    const qsizetype end = start.indexOf('\n', first);
    if (end < 0)
        return Shape::JsonDocument;
    const QByteArray line = start.mid(first, end - first).trimmed();
    return nlohmann::json::accept(line.begin(), line.end()) && line.startsWith('{')
        ? Shape::JsonLines
        : Shape::JsonDocument;
}

bool isClaimlineCsvFolder(const QString &path)
{
    const QDir dir(path);
    return dir.exists(QStringLiteral("events.csv")) || dir.exists(QStringLiteral("claims.csv"))
        || dir.exists(QStringLiteral("relations.csv"));
}

// The format a JSON shape is read as, or Auto when `format` cannot be so read.
ImportFormat jsonFormat(Shape shape, ImportFormat format)
{
    const ImportFormat natural
        = shape == Shape::JsonLines ? ImportFormat::Timesketch : ImportFormat::TimelineJs;
    if (format == ImportFormat::Auto || format == natural)
        return natural;
    // A one-line TimelineJS document looks like JSON lines.
    if (format == ImportFormat::TimelineJs)
        return format;
    return ImportFormat::Auto;
}

QString notJsonOf(ImportFormat format)
{
    return QStringLiteral("not %1 %2 file: it is JSON")
        .arg(format == ImportFormat::Acled ? QStringLiteral("an") : QStringLiteral("a"),
             displayName(format));
}

} // namespace

DatasetProbe probeDataset(const QString &path, ImportFormat format, const ColumnMapping *mapping)
{
    const QFileInfo info(path);
    if (info.isDir()) {
        if ((format == ImportFormat::Auto || format == ImportFormat::ClaimlineCsv)
            && isClaimlineCsvFolder(path))
            return {ImportFormat::ClaimlineCsv, {}};
        return {ImportFormat::Auto,
                QStringLiteral("is a folder: a folder is imported only when it holds "
                               "Claimline's CSV export (events.csv, claims.csv, relations.csv)")};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {ImportFormat::Auto, QStringLiteral("cannot be read: %1").arg(file.errorString())};
    if (const Shape shape = shapeOf(file); shape != Shape::Csv) {
        const ImportFormat json = jsonFormat(shape, format);
        if (json == ImportFormat::Auto)
            return {ImportFormat::Auto, notJsonOf(format)};
        QString error;
        if (!openRowSource(path, json, mapping, &error))
            return {ImportFormat::Auto, error};
        return {json, {}};
    }
    file.close();
    DatasetFile dataset;
    if (const QString problem = dataset.open(path, format, mapping); !problem.isEmpty())
        return {ImportFormat::Auto, problem};
    return {dataset.format(), {}};
}

std::unique_ptr<RowSource> openRowSource(const QString &path, ImportFormat format,
                                         const ColumnMapping *mapping, QString *error)
{
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot be read: %1").arg(file.errorString());
            return nullptr;
        }
        if (const Shape shape = shapeOf(file); shape != Shape::Csv) {
            const ImportFormat json = jsonFormat(shape, format);
            if (json == ImportFormat::Auto) {
                *error = notJsonOf(format);
                return nullptr;
            }
            return json == ImportFormat::Timesketch ? openTimesketchJsonl(path, error)
                                                    : openTimelineJsJson(path, error);
        }
    }
    auto dataset = std::make_unique<DatasetFile>();
    if (const QString problem = dataset->open(path, format, mapping); !problem.isEmpty()) {
        *error = problem;
        return nullptr;
    }
    if (dataset->format() == ImportFormat::ClaimlineCsv) {
        *error = QStringLiteral("Claimline's CSV export is read as a whole");
        return nullptr;
    }
    return std::make_unique<CsvRowSource>(std::move(dataset));
}

} // namespace claimline
