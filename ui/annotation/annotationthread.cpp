#include "annotation/annotationthread.h"

#include "annotation/itemlayer.h"
#include "document/document.h"
#include "document/structurechange.h"
#include "model/project.h"
#include "text/visibletext.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringList>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

namespace claimline {

namespace {

quint64 keyOf(ItemRef item)
{
    return (quint64(item.kind) << 32) | item.index;
}

// Ctrl+Return (or Ctrl+Enter) in a box: what a chat or a review tool takes as "send".
bool isSubmitKey(const QKeyEvent *key)
{
    return (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
        && (key->modifiers() & Qt::ControlModifier);
}

// File text of several lines, each made visible (visibletext.h): the line breaks are the
// annotation's own, every other control is shown, never obeyed.
QString visibleLines(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = visibleText(line);
    return lines.join(QLatin1Char('\n'));
}

QPlainTextEdit *textBox(QWidget *parent, const QString &name, int lines)
{
    auto *box = new QPlainTextEdit(parent);
    box->setObjectName(name);
    box->setTabChangesFocus(true);
    const QFontMetrics metrics(box->font());
    box->setFixedHeight(metrics.lineSpacing() * lines + 2 * box->frameWidth() + 8);
    return box;
}

QToolButton *smallButton(const QString &text, const QString &accessibleName, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setAccessibleName(accessibleName);
    button->setToolTip(accessibleName);
    button->setAutoRaise(true);
    return button;
}

} // namespace

AnnotationThread::AnnotationThread(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_askName(&AnalystNameDialog::ask)
{
    setObjectName(QStringLiteral("annotationThread"));
    m_title = new QLabel(tr("Annotations"), this);
    m_title->setObjectName(QStringLiteral("annotationTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_empty = new QLabel(tr("None yet. Write what you found, what to check, or why it matters: "
                            "annotations are yours, and exports leave them out unless asked."),
                         this);
    m_empty->setObjectName(QStringLiteral("annotationEmpty"));
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    m_box = textBox(this, QStringLiteral("annotationBox"), 3);
    m_box->setPlaceholderText(tr("Write an annotation… (Ctrl+Return adds it)"));
    m_box->setAccessibleName(tr("New annotation"));
    m_box->installEventFilter(this);
    m_add = new QPushButton(tr("Add Annotation"), this);
    m_add->setObjectName(QStringLiteral("annotationAdd"));
    m_add->setToolTip(tr("Add the annotation, signed with your name and the time (Ctrl+Return)"));
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("annotationProblem"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *addRow = new QHBoxLayout;
    addRow->setContentsMargins(0, 0, 0, 0);
    addRow->addWidget(m_problem, 1);
    addRow->addWidget(m_add, 0, Qt::AlignTop);
    m_notesLayout = new QVBoxLayout;
    m_notesLayout->setContentsMargins(0, 0, 0, 0);
    m_notesLayout->setSpacing(6);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_title);
    layout->addWidget(m_empty);
    layout->addLayout(m_notesLayout);
    layout->addWidget(m_box);
    layout->addLayout(addRow);

    connect(m_add, &QPushButton::clicked, this, &AnnotationThread::addFromBox);
    connect(m_box, &QPlainTextEdit::textChanged, this, &AnnotationThread::updateAddButton);
    connect(m_document, &Document::reset, this, [this] {
        // Another project: drafts were for its items.
        m_drafts.clear();
        m_item = {};
        m_box->clear();
        refresh();
    });
    connect(m_document, &Document::structureChanged, this, &AnnotationThread::followStructure);
    updateAddButton();
    refresh();
}

AnnotationThread::~AnnotationThread()
{
    // The boxes announce textChanged while they are destroyed: none of that is an edit.
    for (QObject *child : findChildren<QObject *>())
        disconnect(child, nullptr, this, nullptr);
}

void AnnotationThread::followStructure(const StructureChange &change)
{
    // Drafts and the item shown follow the items' new indices; a removed item's draft goes.
    QHash<quint64, QString> drafts;
    for (auto it = m_drafts.cbegin(); it != m_drafts.cend(); ++it) {
        const ItemRef before {static_cast<ItemKind>(it.key() >> 32),
                              std::uint32_t(it.key() & 0xffffffffu)};
        const ItemRef after = change.remapped(before);
        if (after.isValid())
            drafts.insert(keyOf(after), it.value());
    }
    m_drafts = std::move(drafts);
    if (m_item.isValid()) {
        m_item = change.remapped(m_item);
        if (!m_item.isValid())
            m_item = {};
    }
    m_shown = false; // indices moved: the notes are rebuilt
    refresh();
}

void AnnotationThread::setItem(ItemRef item)
{
    if (item == m_item)
        return;
    if (m_item.isValid()) {
        const QString draft = m_box->toPlainText();
        if (draft.trimmed().isEmpty())
            m_drafts.remove(keyOf(m_item));
        else
            m_drafts.insert(keyOf(m_item), draft);
    }
    m_item = item;
    m_editing.reset();
    m_problem->hide();
    const QString draft = item.isValid() ? m_drafts.value(keyOf(item)) : QString();
    if (m_box->toPlainText() != draft)
        m_box->setPlainText(draft);
    refresh();
}

void AnnotationThread::refresh()
{
    const Project &project = m_document->project();
    const bool valid = m_item.isValid() && project.contains(m_item);
    const IndexRange range = valid ? layerOf(project, m_item).annotations : IndexRange {};
    if (!m_shown || m_shownItem != m_item || m_shownRange != range)
        rebuild();
    // Nothing to annotate: the box waits (the labels keep the palette's active colours).
    m_box->setEnabled(valid);
    updateAddButton();
}

AnnotationThread::Note AnnotationThread::makeNote(std::uint32_t position,
                                                  const Annotation &annotation)
{
    const Project &project = m_document->project();
    auto *frame = new QFrame(this);
    frame->setObjectName(QStringLiteral("annotationNote"));
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    frame->setBackgroundRole(QPalette::Base);
    const QString author = visibleText(project.text(annotation.author));
    auto *who = new QLabel(author, frame);
    who->setObjectName(QStringLiteral("annotationAuthor"));
    who->setTextFormat(Qt::PlainText);
    QFont bold = who->font();
    bold.setBold(true);
    who->setFont(bold);
    auto *when = new QLabel(annotation.at.toDisplayString(), frame);
    when->setObjectName(QStringLiteral("annotationTime"));
    when->setTextFormat(Qt::PlainText);
    when->setToolTip(QString::fromStdString(annotation.at.toEdtf()));
    QToolButton *edit = smallButton(tr("Edit"), tr("Edit the annotation by %1").arg(author), frame);
    edit->setObjectName(QStringLiteral("annotationEdit"));
    QToolButton *remove
        = smallButton(tr("Delete"), tr("Delete the annotation by %1").arg(author), frame);
    remove->setObjectName(QStringLiteral("annotationDelete"));
    // File text as plain text, its lines kept; controls and bidi overrides made visible.
    auto *text = new QLabel(visibleLines(project.text(annotation.text)), frame);
    text->setObjectName(QStringLiteral("annotationText"));
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->setSpacing(6);
    header->addWidget(who);
    header->addWidget(when, 1);
    header->addWidget(edit);
    header->addWidget(remove);
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(text);
    connect(edit, &QToolButton::clicked, this, [this, position] { startEditing(position); });
    connect(remove, &QToolButton::clicked, this, [this, position] { deleteNote(position); });
    return {frame, text};
}

void AnnotationThread::rebuild()
{
    const Project &project = m_document->project();
    const bool valid = m_item.isValid() && project.contains(m_item);
    const IndexRange range = valid ? layerOf(project, m_item).annotations : IndexRange {};
    // An edit in progress survives a rebuild of the same item's thread (another note changed,
    // an undo elsewhere) while its note is still there.
    std::optional<std::pair<std::uint32_t, QString>> editing;
    if (m_editing && m_editBox && m_shownItem == m_item && *m_editing < range.count)
        editing.emplace(*m_editing, m_editBox->toPlainText());
    m_editing.reset();
    m_editBox = nullptr;
    // The notes go later, not now: this may run in the slot of a button of one of them (Save,
    // Delete). Taken out of the thread at once, they are no longer found or shown.
    for (const Note &note : m_notes) {
        note.frame->hide();
        note.frame->setParent(nullptr);
        note.frame->deleteLater();
    }
    m_notes.clear();
    if (valid) {
        const auto annotations = project.annotations(range);
        for (std::uint32_t i = 0; i < annotations.size(); ++i) {
            const Note note = makeNote(i, annotations[i]);
            m_notesLayout->addWidget(note.frame);
            m_notes.push_back(note);
        }
    }
    m_shownItem = m_item;
    m_shownRange = range;
    m_shown = true;
    m_title->setText(m_notes.empty() ? tr("Annotations")
                                     : tr("Annotations (%1)").arg(m_notes.size()));
    m_empty->setVisible(valid && m_notes.empty());
    if (editing)
        showEditor(editing->first, editing->second);
}

void AnnotationThread::updateAddButton()
{
    m_add->setEnabled(m_box->isEnabled() && !m_box->toPlainText().trimmed().isEmpty());
}

bool AnnotationThread::addFromBox()
{
    const QString text = m_box->toPlainText().trimmed();
    if (!m_item.isValid() || text.isEmpty())
        return false;
    const QString author = AnalystNameDialog::savedOrAsk(m_askName, window());
    if (author.isEmpty()) {
        m_problem->setText(tr("Not added: an annotation needs your name (Tools ▸ Analyst Name…)"));
        m_problem->show();
        return false;
    }
    m_problem->hide();
    if (!m_document->addAnnotation(m_item, author, text))
        return false;
    m_drafts.remove(keyOf(m_item));
    m_box->clear();
    refresh();
    return true;
}

void AnnotationThread::startEditing(std::uint32_t position)
{
    const Project &project = m_document->project();
    if (!m_item.isValid() || !project.contains(m_item))
        return;
    const auto annotations = project.annotations(layerOf(project, m_item).annotations);
    if (position >= annotations.size())
        return;
    if (m_editing)
        cancelEdit();
    showEditor(position, project.text(annotations[position].text));
}

void AnnotationThread::showEditor(std::uint32_t position, const QString &text)
{
    if (position >= m_notes.size())
        return;
    const Note &note = m_notes[position];
    note.text->hide();
    m_editing = position;
    m_editBox = textBox(note.frame, QStringLiteral("annotationEditBox"), 4);
    m_editBox->setAccessibleName(tr("Annotation text"));
    m_editBox->setPlainText(text);
    m_editBox->installEventFilter(this);
    auto *save = new QPushButton(tr("Save"), note.frame);
    save->setObjectName(QStringLiteral("annotationSave"));
    save->setToolTip(tr("Save the annotation (Ctrl+Return)"));
    auto *cancel = new QPushButton(tr("Cancel"), note.frame);
    cancel->setObjectName(QStringLiteral("annotationCancel"));
    cancel->setToolTip(tr("Keep the annotation as it was (Escape)"));
    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addStretch(1);
    buttons->addWidget(save);
    buttons->addWidget(cancel);
    auto *layout = static_cast<QVBoxLayout *>(note.frame->layout());
    layout->addWidget(m_editBox);
    layout->addLayout(buttons);
    connect(save, &QPushButton::clicked, this, &AnnotationThread::saveEdit);
    connect(cancel, &QPushButton::clicked, this, &AnnotationThread::cancelEdit);
    m_editBox->setFocus();
    m_editBox->moveCursor(QTextCursor::End);
}

bool AnnotationThread::saveEdit()
{
    if (!m_editing || !m_editBox)
        return false;
    const std::uint32_t position = *m_editing;
    const QString text = m_editBox->toPlainText().trimmed();
    if (text.isEmpty()) {
        m_problem->setText(tr("An annotation cannot be empty: delete it instead."));
        m_problem->show();
        return false;
    }
    m_problem->hide();
    const bool changed = m_document->editAnnotation(m_item, position, text);
    // Unchanged text: the edit simply ends.
    m_shown = false;
    m_editing.reset();
    m_editBox = nullptr;
    refresh();
    return changed;
}

void AnnotationThread::cancelEdit()
{
    if (!m_editing)
        return;
    m_problem->hide();
    m_editing.reset();
    m_editBox = nullptr;
    m_shown = false;
    refresh();
}

bool AnnotationThread::deleteNote(std::uint32_t position)
{
    if (!m_item.isValid())
        return false;
    // One undo step: Edit ▸ Undo brings it back, so no confirmation stands in the way.
    const bool removed = m_document->removeAnnotation(m_item, position);
    refresh();
    return removed;
}

bool AnnotationThread::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (watched == m_box && isSubmitKey(key)) {
            addFromBox();
            return true;
        }
        if (m_editBox && watched == m_editBox) {
            if (isSubmitKey(key)) {
                saveEdit();
                return true;
            }
            if (key->key() == Qt::Key_Escape) {
                cancelEdit();
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace claimline
