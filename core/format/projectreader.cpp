#include "format/projectreader.h"

#include "format/migration.h"
#include "format/reader/pagewarmer.h"
#include "format/reader/projectsaxhandler.h"
#include "format/reader/saxpipeline.h"

#include <QFile>
#include <QFileInfo>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <functional>

namespace claimline {

namespace {

using json = nlohmann::json;

// Runs the SAX parse over an input and turns the handler's state into a LoadResult.
template<typename Parse>
LoadResult runReader(Parse &&parse, std::uint64_t inputSize, const LoadLimits &limits,
                     bool allowMigration, const std::function<std::string()> &wholeInput)
{
    LoadResult result;
    ProjectSaxHandler reader(limits, inputSize);
    const bool parsed = parse(reader);
    reader.settle();
    if (!parsed && reader.problems().isEmpty()) {
        // The parser stopped without saying why (it ran out of memory): never hand out the
        // part that was read.
        result.problems = {{"", "the file could not be read to its end"}};
        return result;
    }
    reader.finish();
    result.fileVersion = reader.version();

    if (!reader.aborted()) {
        if (!reader.sawFormat()) {
            // Some other JSON document: what it lacks as a project is not worth listing.
            result.problems = {{"",
                                "this is not a Claimline project (no \"format\": "
                                "\"claimline\" field)"}};
            return result;
        }
        if (reader.foreignFormat()) {
            // Another format's document: its fields mean something else; listing them as
            // problems of a project would only bury the one that matters.
            result.problems = {*reader.foreignFormat()};
            return result;
        }
        if (reader.sawVersion() && reader.version() > Project::FormatVersion) {
            // Nothing else is worth saying about a file from the future: its fields may mean
            // something else.
            result.problems = {
                {"/version",
                 "this file was written by a newer version of Claimline (format version "
                     + std::to_string(reader.version()) + "; this version reads up to "
                     + std::to_string(Project::FormatVersion) + "). Update Claimline to open it."}};
            return result;
        }
        if (reader.sawVersion() && reader.version() < Project::FormatVersion && allowMigration
            && reader.problems().isEmpty()) {
            // Older files are converted one version step at a time on a DOM, then read as the
            // current version. Old files predate large imports, so the DOM is affordable; the
            // limits above have already been checked by this first pass. A file the first
            // pass found problems in is not converted: the DOM would hide some of them (it
            // keeps the last of a repeated key), and the first pass names them where they are
            // in the file, not where the conversion moved them.
            json document = json::parse(wholeInput(), nullptr, false);
            if (!document.is_object()) {
                // The second read did not give the bytes of the first: a pipe cannot be read
                // twice, and a file may change in between. Say so rather than fail silently.
                result.problems = {{"",
                                    "the file could not be read a second time to convert "
                                    "it from format version "
                                        + std::to_string(reader.version())
                                        + " (it is a pipe, or it changed while it was read)"}};
                return result;
            }
            Problems migrationProblems;
            if (migrateToCurrent(document, migrationProblems)) {
                const std::string migrated = document.dump();
                LoadResult again = readProject(migrated, limits);
                again.fileVersion = reader.version();
                again.migrated = true;
                return again;
            }
            result.problems = std::move(migrationProblems);
            return result;
        }
    }
    reader.problems().sortInFileOrder();
    result.problems = reader.problems().take();
    if (result.problems.empty())
        result.project = std::move(reader.project());
    return result;
}

// How far ahead of the model's writes the pages are warmed: a 32nd of the input, so that what
// is warmed and never written stays a few percent of a small file's memory.
std::size_t warmAhead(std::uint64_t inputSize)
{
    return std::size_t(inputSize / 32);
}

// The pipeline's options for a project: the parser's thread warms the model's pages between
// its blocks (PageWarmer).
SaxPipeline::Options pipelineOptions(ProjectSaxHandler &reader, PageWarmer &warmer,
                                     JsonTokenizer tokenizer, bool *inputChanged)
{
    SaxPipeline::Options options;
    options.tokenizer = tokenizer;
    options.inputChanged = inputChanged;
    options.afterBlock = [&reader, &warmer] {
        reader.followWrites(warmer);
    };
    options.sideWork = [&warmer] {
        return warmer.warmStep();
    };
    return options;
}

// The load boundary: whatever a part of the reader throws (it should throw nothing: file data
// is checked before it is used) becomes a problem, never a crash that loses the open project.
template<typename Read>
LoadResult guarded(Read &&read)
{
    std::string what;
    try {
        return read();
    } catch (const std::bad_alloc &) {
        spdlog::error("reading a project ran out of memory");
        return {std::nullopt, {{"", "there is not enough memory to read the file"}}, 0, false};
    } catch (const std::exception &error) {
        // Bounded: a library's message may quote the input it was reading.
        what = std::string(error.what()).substr(0, 200);
    } catch (...) {
        what = "unknown exception";
    }
    spdlog::error("reading a project failed on an internal error: {}", what);
    LoadResult result;
    result.problems = {{"", "the file could not be read (internal error: " + what + ")"}};
    result.internalError = true;
    return result;
}

LoadResult readBytes(std::string_view bytes, const LoadLimits &limits, JsonTokenizer tokenizer)
{
    MemoryInput input(bytes);
    return runReader(
        [&](ProjectSaxHandler &reader) {
            PageWarmer warmer(warmAhead(bytes.size()));
            return SaxPipeline::run(input.read(), input.rewind(), reader,
                                    pipelineOptions(reader, warmer, tokenizer, nullptr));
        },
        bytes.size(), limits, true, [bytes] { return std::string(bytes); });
}

LoadResult loadFile(const QString &path, const LoadLimits &limits, JsonTokenizer tokenizer)
{
    LoadResult result;
    QFile file(path);
    const QFileInfo info(path);
    if (info.isDir()) {
        result.problems.push_back({"", "is a folder, not a file"});
        return result;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        result.problems.push_back(
            {"", "cannot open the file: " + file.errorString().toStdString()});
        return result;
    }
    const qint64 size = file.size();
    if (info.isFile() && std::uint64_t(size) > limits.maxFileSize) {
        // In MiB when that tells the two apart, else in bytes ("1 MiB, larger than 1 MiB").
        const bool inMiB = (std::uint64_t(size) >> 20) > (limits.maxFileSize >> 20);
        const auto amount = [inMiB](std::uint64_t bytes) {
            return inMiB ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes) + " bytes";
        };
        result.problems.push_back({"",
                                   "the file is " + amount(std::uint64_t(size))
                                       + ", larger than the limit of "
                                       + amount(limits.maxFileSize)});
        return result;
    }
    if (info.isFile() && size == 0) {
        result.problems.push_back({"", "the file is empty"});
        return result;
    }
    spdlog::debug("reading {} bytes", size);
    // Read in chunks by the parser thread (SaxPipeline): the file is never held in memory
    // whole, and a file truncated under us reads as a short file, not a crash.
    bool readError = false;
    bool changed = false;
    result = runReader(
        [&](ProjectSaxHandler &reader) {
            PageWarmer warmer(warmAhead(std::uint64_t(std::max<qint64>(size, 0))));
            return SaxPipeline::run(
                [&](char *buffer, std::int64_t capacity) {
                    const qint64 n = file.read(buffer, capacity);
                    readError = readError || n < 0;
                    return std::int64_t(n);
                },
                // Read again from the start when the fast tokenizer hands over to nlohmann's
                // parser; a pipe cannot be, and is read by nlohmann's parser alone.
                file.isSequential() ? SaxPipeline::Rewind()
                                    : SaxPipeline::Rewind([&file] { return file.seek(0); }),
                reader, pipelineOptions(reader, warmer, tokenizer, &changed));
        },
        std::uint64_t(std::max<qint64>(size, 0)), limits, true,
        [&path] {
            QFile again(path);
            if (!again.open(QIODevice::ReadOnly))
                return std::string();
            const QByteArray all = again.readAll();
            return std::string(all.constData(), std::size_t(all.size()));
        });
    if (changed) {
        // The events read twice would not be one file's: nothing read is handed out.
        result.project.reset();
        result.problems = {{"", "the file changed while it was read; open it again"}};
    }
    if (readError) {
        result.project.reset();
        result.problems.insert(
            result.problems.begin(),
            {"", "reading the file failed: " + file.errorString().toStdString()});
    }
    return result;
}

} // namespace

LoadResult readProject(std::string_view bytes, const LoadLimits &limits, JsonTokenizer tokenizer)
{
    if (bytes.empty())
        return {std::nullopt, {{"", "the file is empty"}}, 0, false};
    return guarded([&] { return readBytes(bytes, limits, tokenizer); });
}

LoadResult loadProject(const QString &path, const LoadLimits &limits, JsonTokenizer tokenizer)
{
    return guarded([&] { return loadFile(path, limits, tokenizer); });
}

} // namespace claimline
