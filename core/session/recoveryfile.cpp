#include "session/recoveryfile.h"

#include "format/projectwriter.h"
#include "session/safewrite.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cerrno>

#ifdef Q_OS_UNIX
#include <signal.h>
#endif

namespace claimline {

namespace {

const QString ProjectSuffix = QStringLiteral(".claimline");
const QString InfoSuffix = QStringLiteral(".json");

} // namespace

QString recoveryDirectory()
{
    const QString overridden = qEnvironmentVariable("CLAIMLINE_RECOVERY_DIR");
    if (!overridden.isEmpty())
        return overridden;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/recovery");
}

RecoveryFile recoveryFileFor(const QString &originalPath, int serial)
{
    const QDir directory(recoveryDirectory());
    const QString base
        = QStringLiteral("%1-%2").arg(QCoreApplication::applicationPid()).arg(serial);
    RecoveryFile file;
    file.projectPath = directory.filePath(base + ProjectSuffix);
    file.infoPath = directory.filePath(base + InfoSuffix);
    file.originalPath = originalPath;
    file.pid = QCoreApplication::applicationPid();
    return file;
}

QString writeRecoveryFile(const Project &project, const RecoveryFile &file)
{
    const QString directory = QFileInfo(file.projectPath).absolutePath();
    if (!QDir().mkpath(directory))
        return QStringLiteral("Could not create the recovery folder %1.").arg(directory);
    SafeWriteOptions options;
    options.keepBackup = false;
    // The recovery copy is written behind the user's back while they work: one thread, so
    // that on two cores the window keeps one to itself.
    ProjectWriteOptions writeOptions;
    writeOptions.threads = 1;
    if (QString error = saveProject(project, file.projectPath, options, writeOptions);
        !error.isEmpty())
        return error;
    QJsonObject info;
    info.insert(QStringLiteral("original"), file.originalPath);
    info.insert(QStringLiteral("written"), file.written.toUTC().toString(Qt::ISODateWithMs));
    info.insert(QStringLiteral("pid"), qint64(file.pid));
    const QByteArray bytes = QJsonDocument(info).toJson();
    return safeWrite(
        file.infoPath,
        [&bytes](QIODevice &device, QString *error) {
            if (device.write(bytes) != bytes.size()) {
                *error = device.errorString();
                return false;
            }
            return true;
        },
        options);
}

std::vector<RecoveryFile> findRecoveryFiles(const QString &directory)
{
    std::vector<RecoveryFile> files;
    const QDir dir(directory);
    const QStringList infos = dir.entryList({QStringLiteral("*") + InfoSuffix}, QDir::Files);
    for (const QString &name : infos) {
        RecoveryFile file;
        file.infoPath = dir.filePath(name);
        file.projectPath = dir.filePath(name.chopped(InfoSuffix.size()) + ProjectSuffix);
        if (!QFileInfo::exists(file.projectPath))
            continue;
        QFile info(file.infoPath);
        if (!info.open(QIODevice::ReadOnly) || info.size() > 64 * 1024)
            continue;
        const QJsonObject object = QJsonDocument::fromJson(info.readAll()).object();
        file.originalPath = object.value(QStringLiteral("original")).toString();
        file.written = QDateTime::fromString(object.value(QStringLiteral("written")).toString(),
                                             Qt::ISODateWithMs);
        file.pid = object.value(QStringLiteral("pid")).toInteger();
        if (!file.written.isValid() || file.pid <= 0) {
            spdlog::debug("ignoring an unreadable recovery sidecar");
            continue;
        }
        files.push_back(std::move(file));
    }
    std::sort(files.begin(), files.end(),
              [](const RecoveryFile &a, const RecoveryFile &b) { return a.written > b.written; });
    return files;
}

std::vector<RecoveryFile> orphanedRecoveryFiles(const QString &directory)
{
    std::vector<RecoveryFile> files = findRecoveryFiles(directory);
    std::erase_if(files, [](const RecoveryFile &file) { return isProcessRunning(file.pid); });
    return files;
}

void removeRecoveryFile(const RecoveryFile &file)
{
    if (!file.infoPath.isEmpty())
        QFile::remove(file.infoPath);
    if (!file.projectPath.isEmpty())
        QFile::remove(file.projectPath);
}

bool isProcessRunning(std::int64_t pid)
{
    if (pid <= 0)
        return false;
#ifdef Q_OS_UNIX
    // Signal 0 only checks: EPERM means the process exists but belongs to someone else.
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
#else
    return pid == QCoreApplication::applicationPid();
#endif
}

} // namespace claimline
