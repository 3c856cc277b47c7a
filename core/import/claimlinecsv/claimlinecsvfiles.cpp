#include "import/claimlinecsv/claimlinecsv.h"

#include "import/claimlinecsv/exportsheet.h"

#include <QDir>
#include <QFileInfo>

#include <array>
#include <set>

namespace claimline {

namespace {

constexpr std::array<SheetRole, 3> Roles {SheetRole::Events, SheetRole::Claims,
                                          SheetRole::Relations};

class FileCollector
{
public:
    ClaimlineCsvFiles files;

    QStringList &listOf(SheetRole role)
    {
        switch (role) {
        case SheetRole::Events:
            break;
        case SheetRole::Claims:
            return files.claims;
        case SheetRole::Relations:
            return files.relations;
        }
        return files.events;
    }

    // A file's role from its header; a problem when it has none or cannot be read.
    void addFile(const QString &path)
    {
        if (!m_seen.insert(QFileInfo(path).absoluteFilePath()).second)
            return;
        ExportSheet sheet;
        if (const QString error = sheet.open(path); !error.isEmpty()) {
            files.problems.push_back({path, 0, error});
            return;
        }
        listOf(sheet.role()).append(path);
    }

    // The export's files in `folder` under their own names; with `onlyMissingRoles`, only for
    // the roles no file was found for yet. Whether there was any.
    bool addFolder(const QString &folder, bool onlyMissingRoles)
    {
        bool any = false;
        for (const SheetRole role : Roles) {
            if (onlyMissingRoles && !listOf(role).isEmpty())
                continue;
            const QString path = QDir(folder).filePath(sheetFileName(role));
            if (QFileInfo(path).isFile()) {
                addFile(path);
                any = true;
            }
        }
        return any;
    }

private:
    std::set<QString> m_seen;
};

} // namespace

ClaimlineCsvFiles findClaimlineCsvFiles(const QStringList &paths)
{
    FileCollector collector;
    QStringList folders; // of the files given one by one
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            if (!collector.addFolder(path, false))
                collector.files.problems.push_back(
                    {path, 0,
                     QStringLiteral(
                         "the folder holds none of events.csv, claims.csv and relations.csv")});
            continue;
        }
        if (!info.exists()) {
            collector.files.problems.push_back({path, 0, QStringLiteral("no such file")});
            continue;
        }
        collector.addFile(path);
        if (!folders.contains(info.absolutePath()))
            folders.append(info.absolutePath());
    }
    // One file given: the rest of the export beside it, for what was not given.
    for (const QString &folder : std::as_const(folders))
        collector.addFolder(folder, true);
    return std::move(collector.files);
}

} // namespace claimline
