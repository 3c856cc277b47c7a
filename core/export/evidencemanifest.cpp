#include "export/evidencemanifest.h"

#include "evidence/evidencepath.h"
#include "export/csvwriter.h"
#include "model/project.h"
#include "session/safewrite.h"

#include <nlohmann/json.hpp>

#include <QIODevice>

namespace claimline {

namespace {

std::string edtf(const FuzzyTime &time)
{
    return time.isNull() ? std::string() : time.toEdtf();
}

bool writeCsv(const Project &project, QIODevice &device, bool bom, QString *error)
{
    csv::CsvWriter out(device, bom);
    out.header(EvidenceManifestColumns);
    for (const Source &source : project.sources()) {
        for (const Attachment &a : project.attachments(source.attachments)) {
            out.text(project.view(source.id));
            out.text(project.view(source.title));
            out.text(project.view(source.url));
            out.text(project.view(source.archiveUrl));
            out.plain(edtf(source.accessed));
            out.text(project.view(a.name));
            out.text(project.view(a.path));
            out.plain(sha256Hex(a.sha256));
            out.plain(std::to_string(a.size)); // unsigned: never a negative size
            out.text(project.view(a.mediaType));
            out.plain(edtf(a.added));
            out.endRow();
        }
    }
    return out.finish(error);
}

bool writeJson(const Project &project, QIODevice &device, QString *error)
{
    using json = nlohmann::json;
    const auto text = [&project](TextRef ref) {
        return std::string(project.view(ref));
    };
    json files = json::array();
    for (const Source &source : project.sources()) {
        for (const Attachment &a : project.attachments(source.attachments)) {
            files.push_back({{"source_id", text(source.id)},
                             {"source_title", text(source.title)},
                             {"url", text(source.url)},
                             {"archive_url", text(source.archiveUrl)},
                             {"accessed", edtf(source.accessed)},
                             {"file_name", text(a.name)},
                             {"path", text(a.path)},
                             {"sha256", sha256Hex(a.sha256)},
                             {"size", a.size},
                             {"media_type", text(a.mediaType)},
                             {"added", edtf(a.added)}});
        }
    }
    const json manifest = {{"format", "claimline-evidence-manifest"},
                           {"version", 1},
                           {"project", text(project.meta().title)},
                           {"files", std::move(files)}};
    // Invalid UTF-8 (never read from a file, but possible in memory) is replaced, not thrown.
    const std::string bytes = manifest.dump(2, ' ', false, json::error_handler_t::replace) + '\n';
    if (device.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size())) {
        *error = device.errorString();
        return false;
    }
    return true;
}

} // namespace

QString exportEvidenceManifest(const Project &project, const QString &path,
                               EvidenceManifestFormat format, const CsvExportOptions &options)
{
    return safeWrite(
        path,
        [&](QIODevice &device, QString *message) {
            return format == EvidenceManifestFormat::Csv
                ? writeCsv(project, device, options.byteOrderMark, message)
                : writeJson(project, device, message);
        },
        SafeWriteOptions {false});
}

} // namespace claimline
