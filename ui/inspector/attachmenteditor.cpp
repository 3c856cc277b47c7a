#include "inspector/attachmenteditor.h"

#include "common/linkopener.h"
#include "document/document.h"
#include "evidence/evidencepath.h"
#include "evidence/evidencestore.h"
#include "evidence/evidenceverifier.h"
#include "model/project.h"
#include "text/visibletext.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace claimline {

namespace {

// What failed, in a word or two for the row (the whole line is in the tooltip).
QString problemWord(const EvidenceProblem &problem)
{
    switch (problem.kind) {
    case EvidenceProblem::Kind::Missing:
        return AttachmentEditor::tr("missing");
    case EvidenceProblem::Kind::Changed:
        return AttachmentEditor::tr("changed since attached");
    case EvidenceProblem::Kind::Unreadable:
        return AttachmentEditor::tr("unreadable");
    }
    return {};
}

} // namespace

AttachmentEditor::AttachmentEditor(Document *document, const LinkOpener *linkOpener,
                                   QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_linkOpener(linkOpener)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("inspectorAttachments"));
    m_list->setAccessibleName(tr("Evidence files"));
    m_list->setUniformItemSizes(true);
    // A long name is cut in its middle (its extension stays), never scrolled sideways.
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setFixedHeight(QFontMetrics(m_list->font()).lineSpacing() * 4 + 8);
    layout->addWidget(m_list);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("inspectorAttachmentsNote"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_note->hide();
    layout->addWidget(m_note);
    auto *buttons = new QHBoxLayout;
    m_attach = new QPushButton(tr("Attach File…"), this);
    m_attach->setObjectName(QStringLiteral("inspectorAttachFile"));
    m_open = new QPushButton(tr("Open…"), this);
    m_open->setObjectName(QStringLiteral("inspectorOpenAttachment"));
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setObjectName(QStringLiteral("inspectorRemoveAttachment"));
    buttons->addWidget(m_attach);
    buttons->addWidget(m_open);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_attach, &QPushButton::clicked, this, &AttachmentEditor::attach);
    connect(m_open, &QPushButton::clicked, this, &AttachmentEditor::openCurrent);
    connect(m_remove, &QPushButton::clicked, this, &AttachmentEditor::removeCurrent);
    connect(m_list, &QListWidget::currentRowChanged, this, &AttachmentEditor::updateButtons);
    connect(m_list, &QListWidget::itemActivated, this, &AttachmentEditor::openCurrent);
    connect(document, &Document::evidenceChanged, this, &AttachmentEditor::refresh);
    connect(document, &Document::filePathChanged, this, &AttachmentEditor::updateButtons);
}

void AttachmentEditor::setSource(std::uint32_t source)
{
    m_source = source;
    m_note->hide();
    refresh();
}

QStringList AttachmentEditor::rows() const
{
    QStringList rows;
    for (int i = 0; i < m_list->count(); ++i)
        rows << m_list->item(i)->text();
    return rows;
}

void AttachmentEditor::refresh()
{
    const Project &project = m_document->project();
    const int row = m_list->currentRow();
    m_list->clear();
    if (m_source < project.sources().size()) {
        const EvidenceReport &report = m_document->evidenceReport();
        for (const Attachment &a : project.attachments(project.sources()[m_source].attachments)) {
            const QString hex = QString::fromLatin1(sha256Hex(a.sha256).c_str());
            const QString name = visibleText(project.text(a.name.isEmpty() ? a.path : a.name));
            const EvidenceProblem *problem = report.problemFor(project, a);
            // The row says what a reader needs at a glance; the hash and path are in the tooltip
            // (and the Details), where they are not cut.
            QString text = tr("%1 · %2").arg(name, QLocale().formattedDataSize(qint64(a.size)));
            QStringList tip {visibleText(project.text(a.path)), tr("sha256 %1").arg(hex)};
            if (!a.mediaType.isEmpty())
                tip << visibleText(project.text(a.mediaType));
            if (!a.added.isNull())
                tip << tr("added %1").arg(QString::fromStdString(a.added.toEdtf()));
            if (problem) {
                // The mark is text, not a colour: it reads the same in any palette.
                text = QStringLiteral("⚠ ") + text + QStringLiteral(" · ") + problemWord(*problem);
                tip.prepend(visibleText(problem->line()));
            }
            auto *item = new QListWidgetItem(text, m_list);
            item->setToolTip(tip.join(QLatin1Char('\n')));
        }
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(std::clamp(row, 0, m_list->count() - 1));
    updateButtons();
}

void AttachmentEditor::updateButtons()
{
    const bool any = m_list->currentRow() >= 0;
    m_attach->setEnabled(m_source != NoIndex && m_document->hasEvidenceFolder());
    m_attach->setToolTip(m_document->hasEvidenceFolder()
                             ? tr("Copy files into the evidence folder beside the project and "
                                  "pin them to this source by their SHA-256")
                             : tr("Save the project first: its evidence is kept in a folder "
                                  "beside the project file"));
    m_open->setEnabled(any);
    m_remove->setEnabled(any);
}

void AttachmentEditor::attach()
{
    if (m_source == NoIndex)
        return;
    const QStringList files = m_chooseFiles
        ? m_chooseFiles()
        : QFileDialog::getOpenFileNames(this, tr("Attach Evidence"));
    if (files.isEmpty())
        return;
    QStringList errors;
    m_document->attachFiles(m_source, files, &errors);
    if (errors.isEmpty()) {
        m_note->hide();
        return;
    }
    m_note->setText(tr("Nothing was attached: %1").arg(errors.join(QLatin1Char('\n'))));
    m_note->show();
}

bool AttachmentEditor::openCurrent()
{
    const Project &project = m_document->project();
    const int row = m_list->currentRow();
    if (m_source >= project.sources().size() || row < 0 || !m_document->hasEvidenceFolder())
        return false;
    const auto files = project.attachments(project.sources()[m_source].attachments);
    if (std::size_t(row) >= files.size())
        return false;
    QString why;
    const QString file = EvidenceStore::forProjectFile(m_document->filePath())
                             .existingFile(project.view(files[std::size_t(row)].path), &why);
    if (file.isEmpty()) {
        m_note->setText(tr("Not opened: the file is %1.").arg(why));
        m_note->show();
        return false;
    }
    return m_linkOpener->openFile(file, this);
}

void AttachmentEditor::removeCurrent()
{
    const int row = m_list->currentRow();
    if (row >= 0 && m_source != NoIndex)
        m_document->removeAttachment(m_source, std::uint32_t(row));
}

} // namespace claimline
