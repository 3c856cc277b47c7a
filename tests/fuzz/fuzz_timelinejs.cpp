// Fuzz target: bytes as a TimelineJS file, read every way Claimline reads one. The bytes are
// written to a file of this process's own; the JSON source reads it to its end (or says why it
// cannot), the sheet's mapper reads it as CSV through the CsvReader, and the HTML-to-text
// conversion reads the bytes as a fragment. None may crash, hang, leak or read out of bounds
// (ASan + UBSan), and:
// - every row has a line; a refused row says why; a read row has a time, a one-line title
//   and an id, and as many source addresses as sources, each an http or https address;
// - plain text has no control characters but line breaks, no empty lines, no white space at
//   either end of a line, and every link kept is one allowedLink() keeps as it is.

#include "import/csv/csvreader.h"
#include "import/timelinejs/timelinejsjson.h"
#include "import/timelinejs/timelinejssheet.h"
#include "text/htmltotext.h"

#include <QDir>
#include <QFile>

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using namespace claimline;

QString inputPath()
{
    static const QString path
        = QDir::tempPath() + QStringLiteral("/claimline-fuzz-timelinejs-%1.json").arg(getpid());
    return path;
}

void removeInput()
{
    QFile::remove(inputPath());
}

void check(bool condition)
{
    if (!condition)
        std::abort();
}

bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        const char c = text[i];
        if ((c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c) != prefix[i])
            return false;
    }
    return true;
}

void checkPlainText(std::string_view text)
{
    check(text.empty() || (text.front() != ' ' && text.back() != ' ' && text.back() != '\n'));
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        check(c == '\n' || (c >= 0x20 && c != 0x7F));
        if (c == '\n')
            check(i > 0 && text[i - 1] != ' ' && text[i + 1] != '\n' && text[i + 1] != ' ');
    }
}

void checkRow(const ImportRow &row, const QString &problem)
{
    check(row.line >= 0);
    if (!problem.isEmpty())
        return;
    check(!row.when.isNull());
    check(!row.title.empty() && row.title.find('\n') == std::string_view::npos);
    check(!row.id.empty());
    checkPlainText(row.summary);
    check(row.sources.size() == row.sourceUrls.size());
    for (std::size_t i = 0; i < row.sources.size(); ++i) {
        check(!row.sources[i].empty());
        check(startsWithNoCase(row.sourceUrls[i], "http://")
              || startsWithNoCase(row.sourceUrls[i], "https://"));
    }
}

void readJson()
{
    QString error;
    const std::unique_ptr<RowSource> source = openTimelineJsJson(inputPath(), &error);
    if (!source) {
        check(error.startsWith(QStringLiteral("not a TimelineJS file: ")));
        return;
    }
    ImportRow row;
    QString problem;
    while (source->next(row, problem)) {
        checkRow(row, problem);
        check(row.line >= 1);
        problem.clear();
    }
    check(source->error().isEmpty());
    for (const DatasetPeriod &period : source->extras().periods)
        check(!period.title.empty() && !period.when.isNull());
    checkPlainText(source->extras().title);
    checkPlainText(source->extras().description);
}

void readSheet()
{
    QFile file(inputPath());
    check(file.open(QIODevice::ReadOnly));
    CsvReader reader(&file);
    CsvRecord record;
    if (!reader.next(record))
        return;
    std::vector<std::string> names;
    for (const std::string_view field : record.fields)
        names.emplace_back(trimmedColumnName(field));
    const std::vector<std::string_view> header(names.begin(), names.end());
    TimelineJsSheetMapper mapper;
    if (!mapper.setHeader(header).isEmpty())
        return;
    ImportRow row;
    while (reader.next(record)) {
        if (record.problem.isEmpty() && mapper.consume(record))
            continue;
        QString problem = record.problem;
        if (problem.isEmpty())
            problem = mapper.map(record, row);
        checkRow(row, problem);
    }
    checkPlainText(mapper.extras().title);
}

void convertHtml(std::string_view bytes)
{
    const HtmlText html = htmlToText(bytes);
    checkPlainText(html.text);
    for (const HtmlLink &link : html.links) {
        check(allowedLink(link.url) == link.url);
        check(link.text.find('\n') == std::string::npos);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // The path first: statics are destroyed in the reverse order of their construction and
    // atexit() registration, so the handler runs while the path still exists.
    (void)inputPath();
    std::atexit(removeInput);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    {
        QFile file(inputPath());
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            std::abort();
        if (file.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size))
            std::abort();
    }
    readJson();
    readSheet();
    convertHtml(std::string_view(reinterpret_cast<const char *>(data), size));
    return 0;
}
