#include "evidence/evidencestore.h"

#include "model/project.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QTemporaryFile>

#include <algorithm>
#include <set>
#include <vector>

namespace claimline {

namespace {

constexpr qint64 BlockSize = 1 << 20;

Sha256 toSha256(const QByteArray &digest)
{
    Sha256 hash {};
    std::copy_n(reinterpret_cast<const std::uint8_t *>(digest.constData()),
                std::min<std::size_t>(hash.size(), std::size_t(digest.size())), hash.begin());
    return hash;
}

QString evidenceFolderName()
{
    return QString::fromLatin1(EvidenceStore::FolderName.data(),
                               qsizetype(EvidenceStore::FolderName.size()));
}

// The extension kept on a copy: lower case letters and digits, at most 16 of them (anything
// else is dropped, so a copy's name is always plain).
QString keptSuffix(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix.isEmpty() || suffix.size() > 16)
        return {};
    for (const QChar c : suffix) {
        if (!(c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            && !(c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            return {};
    }
    return QLatin1Char('.') + suffix;
}

// Reads `from` to its end in blocks, hashing the bytes, and writes them to `to` when given (a
// copy hashed from the very bytes written). `cancel` is checked between blocks.
bool hashBlocks(QFile &from, QFileDevice *to, Sha256 *hash, std::uint64_t *size, QString *error,
                const std::atomic_bool *cancel)
{
    QCryptographicHash sha(QCryptographicHash::Sha256);
    QByteArray block(BlockSize, Qt::Uninitialized);
    std::uint64_t total = 0;
    for (;;) {
        if (cancel && cancel->load()) {
            *error = QStringLiteral("cancelled");
            return false;
        }
        const qint64 n = from.read(block.data(), BlockSize);
        if (n < 0) {
            *error = from.errorString();
            return false;
        }
        if (n == 0)
            break;
        if (to && to->write(block.constData(), n) != n) {
            *error = to->errorString();
            return false;
        }
        sha.addData(QByteArrayView(block.constData(), n));
        total += std::uint64_t(n);
    }
    if (to && !to->flush()) {
        *error = to->errorString();
        return false;
    }
    *hash = toSha256(sha.result());
    *size = total;
    return true;
}

// Makes a copy read-only: evidence is never written again.
void freeze(const QString &path)
{
    QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
}

} // namespace

bool hashFile(const QString &path, Sha256 *hash, std::uint64_t *size, QString *error,
              const std::atomic_bool *cancel)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    return hashBlocks(file, nullptr, hash, size, error, cancel);
}

EvidenceStore::EvidenceStore(QString projectFolder)
    : m_projectFolder(std::move(projectFolder))
{ }

EvidenceStore EvidenceStore::forProjectFile(const QString &projectFile)
{
    return EvidenceStore(QFileInfo(projectFile).absolutePath());
}

QString EvidenceStore::absolutePath(std::string_view path) const
{
    return QDir(m_projectFolder).filePath(QString::fromUtf8(path.data(), qsizetype(path.size())));
}

QString EvidenceStore::existingFile(std::string_view path, QString *problem) const
{
    if (const std::string why = evidencePathProblem(path); !why.empty()) {
        *problem = QString::fromStdString(why);
        return {};
    }
    const QString file = absolutePath(path);
    const QFileInfo info(file);
    if (info.isSymLink()) {
        *problem = QStringLiteral("a link to another file, not followed");
        return {};
    }
    if (!info.exists()) {
        *problem = QStringLiteral("missing");
        return {};
    }
    // The folder itself may be a link: the file must really be inside this project's folder.
    const QString project = QFileInfo(m_projectFolder).canonicalFilePath();
    const QString folder = project + QLatin1Char('/') + evidenceFolderName() + QLatin1Char('/');
    if (!info.isFile() || project.isEmpty() || !info.canonicalFilePath().startsWith(folder)) {
        *problem = QStringLiteral("not a file inside the project's evidence folder, not followed");
        return {};
    }
    return file;
}

PinnedFile EvidenceStore::pin(const QString &file) const
{
    PinnedFile pinned;
    const QFileInfo info(file);
    const auto fail = [&](const QString &why) {
        pinned = {};
        pinned.error = QDir::toNativeSeparators(file) + QStringLiteral(": ") + why;
        return pinned;
    };
    if (!info.exists())
        return fail(QStringLiteral("no such file"));
    if (!info.isFile())
        return fail(QStringLiteral("not a file"));

    const QDir projectDir(m_projectFolder);
    const QString folderName = evidenceFolderName();
    if (!projectDir.mkpath(folderName))
        return fail(QStringLiteral("cannot create the evidence folder %1")
                        .arg(QDir::toNativeSeparators(projectDir.filePath(folderName))));
    const QDir folder(projectDir.filePath(folderName));

    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return fail(in.errorString());
    QTemporaryFile incoming(folder.filePath(QStringLiteral(".incoming-XXXXXX")));
    if (!incoming.open())
        return fail(QStringLiteral("cannot write into the evidence folder: %1")
                        .arg(incoming.errorString()));
    QString error;
    if (!hashBlocks(in, &incoming, &pinned.sha256, &pinned.size, &error, nullptr))
        return fail(error);

    const QString hex = QString::fromLatin1(sha256Hex(pinned.sha256));
    // The same content may already be here, under another extension: it is stored once.
    const QStringList existing = folder.entryList({hex, hex + QStringLiteral(".*")},
                                                  QDir::Files | QDir::NoSymLinks, QDir::Name);
    QString copyName;
    for (const QString &name : existing) {
        // Only a name the store would give itself (a file put there by hand may not be one).
        const QByteArray recorded = (folderName + QLatin1Char('/') + name).toUtf8();
        if (!evidencePathProblem({recorded.constData(), std::size_t(recorded.size())}).empty())
            continue;
        Sha256 hash {};
        std::uint64_t size = 0;
        QString ignored;
        if (hashFile(folder.filePath(name), &hash, &size, &ignored) && hash == pinned.sha256) {
            copyName = name;
            break;
        }
    }
    if (copyName.isEmpty()) {
        copyName = hex + keptSuffix(info.fileName());
        if (folder.exists(copyName))
            return fail(QStringLiteral("%1/%2 already exists with other content; verify the "
                                       "evidence")
                            .arg(folderName, copyName));
        incoming.close();
        if (!incoming.rename(folder.filePath(copyName)))
            return fail(QStringLiteral("cannot keep the copy: %1").arg(incoming.errorString()));
        incoming.setAutoRemove(false);
        freeze(folder.filePath(copyName));
    }

    pinned.path = folderName + QLatin1Char('/') + copyName;
    pinned.name = info.fileName();
    pinned.mediaType = QMimeDatabase().mimeTypeForFile(info).name();
    pinned.added = FuzzyTime::fromInstant(QDateTime::currentSecsSinceEpoch(), Precision::Second);
    return pinned;
}

QStringList EvidenceStore::carryTo(const EvidenceStore &target, const Project &project) const
{
    QStringList problems;
    if (QDir(m_projectFolder) == QDir(target.m_projectFolder))
        return problems;
    // Every entry of the pool, listed now or not: undo and redo can list an old one again.
    std::set<std::string_view> listed, all;
    for (const Source &source : project.sources()) {
        for (const Attachment &a : project.attachments(source.attachments))
            listed.insert(project.view(a.path));
    }
    for (const Attachment &a : project.allAttachments())
        all.insert(project.view(a.path));
    for (const std::string_view path : all) {
        const QString shown = QString::fromUtf8(path.data(), qsizetype(path.size()));
        const bool isListed = listed.count(path) > 0;
        QString why;
        const QString from = existingFile(path, &why);
        if (from.isEmpty()) {
            if (isListed)
                problems << shown + QStringLiteral(": %1, not carried").arg(why);
            continue;
        }
        const QString to = target.absolutePath(path);
        if (QFileInfo::exists(to) || QFileInfo(to).isSymLink()) {
            Sha256 a {}, b {};
            std::uint64_t sizeA = 0, sizeB = 0;
            QString error, ignored;
            if (!target.existingFile(path, &ignored).isEmpty() && hashFile(from, &a, &sizeA, &error)
                && hashFile(to, &b, &sizeB, &error) && a == b)
                continue;
            if (isListed)
                problems << shown
                        + QStringLiteral(": not carried, the new folder already holds another "
                                         "file there");
            continue;
        }
        if (!QDir().mkpath(QFileInfo(to).absolutePath()) || !QFile::copy(from, to)) {
            if (isListed)
                problems << shown + QStringLiteral(": could not be copied into the new folder");
            continue;
        }
        freeze(to);
    }
    return problems;
}

} // namespace claimline
