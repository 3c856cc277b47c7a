#pragma once

// Small helpers shared by the test suites: where the sample is, and reading and writing
// whole files.

#include <QByteArray>
#include <QFile>
#include <QString>

#include <string>
#include <string_view>

namespace claimline::test {

inline QString samplePath()
{
    return QStringLiteral(CLAIMLINE_SOURCE_DIR "/samples/novgorod-residence-allegation.claimline");
}

// The whole file; empty when it cannot be read.
inline QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline std::string readString(const QString &path)
{
    const QByteArray bytes = readBytes(path);
    return std::string(bytes.constData(), std::size_t(bytes.size()));
}

inline bool writeFile(const QString &path, std::string_view bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly)
        && file.write(bytes.data(), qint64(bytes.size())) == qint64(bytes.size());
}

inline bool writeFile(const QString &path, const char *bytes)
{
    return writeFile(path, std::string_view(bytes));
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    return writeFile(path, std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

} // namespace claimline::test
