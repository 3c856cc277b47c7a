#pragma once

// AttachmentEditor: the evidence files pinned to a source (model.h: Attachment), for the
// Inspector's source form.
//
// Each file is a row: its original name, size and the start of its hash, with the whole path,
// hash, media type and time added in its tooltip. A file whose last verification failed starts
// with ⚠ and says what failed ("missing", "changed …"). Attach File… pins more files (a file
// dialog, then Document::attachFiles(): one undo step), Open… opens the chosen file after the
// same confirmation as a link, Remove takes it off the source (one undo step; the copy stays in
// the evidence folder). A project without a file cannot attach and says why.

#include "model/model.h"

#include <QWidget>

#include <functional>

class QLabel;
class QListWidget;
class QPushButton;

namespace claimline {

class Document;
class LinkOpener;

class AttachmentEditor final : public QWidget
{
    Q_OBJECT

public:
    // `linkOpener` opens a file after the same confirmation as a link (linkopener.h).
    AttachmentEditor(Document *document, const LinkOpener *linkOpener, QWidget *parent = nullptr);

    // Shows the files of source `source` (NoIndex: none).
    void setSource(std::uint32_t source);
    // The rows as shown (for tests).
    QStringList rows() const;

    // For tests: what asks for files to attach (default: a file dialog).
    using ChooseFiles = std::function<QStringList()>;
    void setChooseFiles(ChooseFiles choose) { m_chooseFiles = std::move(choose); }

    void attach();
    bool openCurrent();
    void removeCurrent();

private:
    void refresh();
    void updateButtons();

    Document *m_document = nullptr;
    std::uint32_t m_source = NoIndex;
    QListWidget *m_list = nullptr;
    QLabel *m_note = nullptr;
    QPushButton *m_attach = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_remove = nullptr;
    ChooseFiles m_chooseFiles;
    const LinkOpener *m_linkOpener = nullptr;
};

} // namespace claimline
