#include "import/filessurvey.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <map>
#include <string>

namespace claimline {

int FilesSurvey::readableFiles() const
{
    return int(std::count_if(files.begin(), files.end(),
                             [](const File &file) { return file.error.isEmpty(); }));
}

int FilesProgress::percent() const
{
    const std::int64_t total = bytesTotal.load(std::memory_order_relaxed);
    if (total <= 0)
        return 0;
    const std::int64_t done = bytesBefore.load(std::memory_order_relaxed)
        + file.bytesDone.load(std::memory_order_relaxed);
    return int(std::clamp<std::int64_t>(done, 0, total) * 100 / total);
}

std::int64_t datasetSize(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isDir())
        return info.size();
    std::int64_t size = 0;
    const QFileInfoList entries = QDir(path).entryInfoList(QDir::Files);
    for (const QFileInfo &entry : entries)
        size += entry.size();
    return size;
}

FilesSurvey surveyFiles(const QStringList &files, ImportFormat format, int previewRows,
                        FilesProgress &progress, const ColumnMapping *mapping)
{
    std::int64_t total = 0;
    for (const QString &path : files)
        total += datasetSize(path);
    progress.bytesTotal = total;
    FilesSurvey result;
    // Names are summed over the files; sorted once at the end.
    std::map<std::string, std::int64_t, std::less<>> rowsNaming;
    std::int64_t before = 0;
    for (int i = 0; i < files.size(); ++i) {
        // In this order, so that the percentage never runs ahead: the last file's bytes are
        // counted as done before they count as "before" this one.
        progress.file.bytesDone = 0;
        progress.bytesBefore = before;
        progress.current = i;
        const int wanted = std::max(0, previewRows - int(result.firstRows.size()));
        ImportSurvey survey = surveyFile(files.at(i), format, wanted, &progress.file, mapping);
        if (progress.file.cancel.load()) {
            result.cancelled = true;
            return result;
        }
        result.files.push_back(
            {files.at(i), survey.format, survey.error, survey.rows, survey.refused});
        for (ImportPreviewRow &row : survey.firstRows) {
            result.firstRows.push_back(std::move(row));
            result.firstRowFiles.push_back(i);
        }
        for (const ImportSurvey::PartyName &name : survey.partyNames)
            rowsNaming[name.name] += name.rows;
        result.rows += survey.rows;
        result.refused += survey.refused;
        before += datasetSize(files.at(i));
    }
    progress.file.bytesDone = 0;
    progress.bytesBefore = total;
    result.partyNames.reserve(rowsNaming.size());
    for (const auto &[name, rows] : rowsNaming)
        result.partyNames.push_back({name, rows});
    // Most rows first; the map's order (by name) stays among equals.
    std::stable_sort(result.partyNames.begin(), result.partyNames.end(),
                     [](const ImportSurvey::PartyName &a, const ImportSurvey::PartyName &b) {
                         return a.rows > b.rows;
                     });
    return result;
}

} // namespace claimline
