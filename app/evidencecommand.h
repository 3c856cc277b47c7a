#pragma once

// The evidence sub-commands (README, "Evidence"):
//
//   claimline attach PROJECT --source ID FILE...   pin files to a source: each is copied into
//                                                  the evidence folder beside the project and
//                                                  recorded by its SHA-256; the project is saved
//   claimline verify PROJECT                       hash every pinned file again; exit 0 when
//                                                  all are present and unchanged, 1 with one
//                                                  line per problem ("PATH: missing",
//                                                  "PATH: changed (expected sha256 …, found …)")

#include <QStringList>

namespace claimline::cli {

int attachEvidence(const QStringList &arguments);
int verifyEvidence(const QStringList &arguments);

} // namespace claimline::cli
