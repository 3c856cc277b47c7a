#include "format/loadfailure.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <string_view>

namespace claimline {

namespace {

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

bool contains(std::string_view text, std::string_view part)
{
    return text.find(part) != std::string_view::npos;
}

// Kinds in order of what explains the most: a file that cannot be read explains everything
// else, a cut-off file explains a missing field, and so on down to wrong values.
int weight(LoadFailure kind)
{
    switch (kind) {
    case LoadFailure::Unreadable:
        return 9;
    case LoadFailure::Empty:
        return 8;
    case LoadFailure::TooLarge:
        return 7;
    case LoadFailure::Internal:
        return 6;
    case LoadFailure::Truncated:
        return 5;
    case LoadFailure::NotJson:
        return 4;
    case LoadFailure::NotProject:
        return 3;
    case LoadFailure::NewerVersion:
        return 2;
    case LoadFailure::InvalidValues:
        return 1;
    case LoadFailure::None:
        break;
    }
    return 0;
}

// The kind of one problem. The messages are the reader's (core/format/projectreader.cpp and
// reader/): `claimline validate` prints them and scripts parse them, so they are stable; the
// tests of this file run the real reader, so a changed message fails there, not silently here.
LoadFailure classify(const Problem &problem, const QString &path)
{
    const std::string_view message = problem.message;
    if (startsWith(message, "not valid JSON")) {
        // "not valid JSON at line 70, column 20: invalid string: missing closing quote".
        static const QRegularExpression where(QStringLiteral("^not valid JSON at line (\\d+), "
                                                             "column (\\d+)"));
        const QRegularExpressionMatch match = where.match(QString::fromStdString(problem.message));
        if (match.hasMatch()
            && isEndOfFile(path, match.captured(1).toLongLong(), match.captured(2).toLongLong()))
            return LoadFailure::Truncated;
        return LoadFailure::NotJson;
    }
    if (problem.pointer.empty()) {
        if (message == "the file is empty")
            return LoadFailure::Empty;
        if (startsWith(message, "cannot open the file") || startsWith(message, "is a folder")
            || startsWith(message, "reading the file failed")
            || startsWith(message, "the file could not be read to its end")
            || startsWith(message, "the file could not be read a second time"))
            return LoadFailure::Unreadable;
        if (startsWith(message, "there is not enough memory"))
            return LoadFailure::TooLarge;
        if (startsWith(message, "the file could not be read (internal error"))
            return LoadFailure::Internal;
        if (startsWith(message, "the file holds "))
            return LoadFailure::NotProject;
    }
    if (startsWith(message, "this is not a Claimline project"))
        return LoadFailure::NotProject;
    if (startsWith(message, "this file was written by a newer version"))
        return LoadFailure::NewerVersion;
    if (contains(message, "than the limit of") || contains(message, "larger than the limit"))
        return LoadFailure::TooLarge;
    if (startsWith(message, "more than ") && contains(message, " items"))
        return LoadFailure::TooLarge;
    return LoadFailure::InvalidValues;
}

} // namespace

bool isEndOfFile(const QString &path, qint64 line, qint64 column)
{
    // The reader counts lines by '\n' and columns in bytes from 1; the end of the file is one
    // column past the last byte of the last line.
    QFile file(path);
    if (line < 1 || column < 1 || !file.open(QIODevice::ReadOnly))
        return false;
    qint64 lines = 1;
    qint64 lastLineLength = 0;
    QByteArray chunk;
    while (!(chunk = file.read(1 << 20)).isEmpty()) {
        const qsizetype newlines = chunk.count('\n');
        if (newlines > 0) {
            lines += newlines;
            lastLineLength = chunk.size() - 1 - chunk.lastIndexOf('\n');
        } else {
            lastLineLength += chunk.size();
        }
    }
    return line == lines && column == lastLineLength + 1;
}

LoadFailure classifyLoadFailure(const Problems &problems, const QString &path)
{
    LoadFailure result = LoadFailure::None;
    for (const Problem &problem : problems) {
        const LoadFailure kind = classify(problem, path);
        if (weight(kind) > weight(result))
            result = kind;
    }
    return result;
}

} // namespace claimline
