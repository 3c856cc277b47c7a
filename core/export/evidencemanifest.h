#pragma once

// The evidence manifest: one row per file pinned to a source, for chain-of-custody records
// (`claimline export --format evidence-csv|evidence-json`, File ▸ Export). Each row names the
// source (id, title, URL, archive URL, accessed) and the file (original name, recorded path,
// SHA-256, size, media type, when it was added), in source order, then attachment order.
//
// CSV follows csvexport.h's rules (RFC 4180, UTF-8 with a byte order mark by default, the
// formula guard). JSON is an object {"format": "claimline-evidence-manifest", "version": 1,
// "project": title, "files": [...]} whose entries have the CSV's column names as keys, times
// as EDTF text and the size as a number. Internal notes are never written.

#include "export/csvexport.h"

#include <QString>

#include <array>
#include <string_view>

namespace claimline {

class Project;

enum class EvidenceManifestFormat { Csv, Json };

inline constexpr std::array<std::string_view, 11> EvidenceManifestColumns {
    "source_id", "source_title", "url",  "archive_url", "accessed", "file_name",
    "path",      "sha256",       "size", "media_type",  "added"};

// Writes the manifest to `path` atomically; returns an error message naming the file, empty on
// success.
[[nodiscard]] QString exportEvidenceManifest(const Project &project, const QString &path,
                                             EvidenceManifestFormat format,
                                             const CsvExportOptions &options = {});

} // namespace claimline
