#include "inspector/inspectorform.h"

#include "document/document.h"
#include "inspector/citationeditor.h"
#include "inspector/fieldnote.h"
#include "inspector/inspectorfields.h"
#include "inspector/tagseditor.h"
#include "text/languagetag.h"
#include "text/visibletext.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>
#include <string>

namespace claimline {

using namespace inspector;

InspectorForm::InspectorForm(Document *document, ItemKind kind, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_kind(kind)
    , m_form(new QFormLayout(this))
    , m_fieldUndo(new FieldUndo(document->undoStack(), this))
{
    Q_ASSERT(document);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

InspectorForm::~InspectorForm()
{
    // The fields are destroyed after this body (and after the derived form's members), and a
    // plain-text edit announces textChanged and a line edit editingFinished while they go:
    // none of that is an edit.
    for (QObject *field : findChildren<QObject *>())
        disconnect(field, nullptr, this, nullptr);
}

const Project &InspectorForm::project() const
{
    return m_document->project();
}

void InspectorForm::showItem(std::uint32_t index, bool newItem)
{
    m_index = index;
    m_newItem = newItem;
    m_updating = true;
    fill();
    if (m_tags)
        m_tags->fill(project(), item(), m_group, mayOverwrite(m_tags->edit()));
    m_updating = false;
    m_newItem = false;
}

void InspectorForm::flushPending()
{
    if (m_index == NoIndex)
        return;
    if (m_tags && m_tags->edit()->isModified())
        commitTags();
    flushFields();
}

void InspectorForm::addTagsRow(const QString &text)
{
    m_tags = new TagsEditor(this);
    m_fieldUndo->addField(m_tags->edit(), Commit::WhenLeft);
    addRow(text, m_tags, m_tags->edit());
    connect(m_tags->edit(), &QLineEdit::editingFinished, this, &InspectorForm::commitTags);
}

void InspectorForm::commitTags()
{
    if (isEditing())
        m_tags->commit(m_document, item(), m_group);
}

int InspectorForm::labelWidth() const
{
    int width = 0;
    for (const Row &row : m_rows)
        width = std::max(width, row.label->sizeHint().width());
    return width;
}

int InspectorForm::fieldWidth() const
{
    int width = 0;
    for (const Row &row : m_rows)
        width = std::max(width, row.field->minimumSizeHint().width());
    return width;
}

int InspectorForm::horizontalSpacing() const
{
    return m_form->horizontalSpacing() >= 0
        ? m_form->horizontalSpacing()
        : style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing);
}

QLineEdit *InspectorForm::lineEdit(const char *name, Commit commit)
{
    auto *edit = named(new QLineEdit(this), name);
    m_fieldUndo->addField(edit, commit);
    return edit;
}

QComboBox *InspectorForm::combo(const char *name)
{
    return named(new QComboBox(this), name);
}

QPlainTextEdit *InspectorForm::plainEdit(const char *name, int lines)
{
    auto *edit = named(new QPlainTextEdit(this), name);
    edit->setTabChangesFocus(true);
    const QFontMetrics metrics(edit->font());
    edit->setFixedHeight(metrics.lineSpacing() * lines + 12);
    m_fieldUndo->addField(edit); // every plain-text field commits as typed
    return edit;
}

QLabel *InspectorForm::noteLabel(const char *name)
{
    auto *label = named(new QLabel(this), name);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

QWidget *InspectorForm::fieldBox(QWidget *field, QLabel *note)
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(note);
    return box;
}

void InspectorForm::addRow(const QString &text, QWidget *field, QWidget *buddy)
{
    auto *label = new QLabel(text, this);
    label->setTextFormat(Qt::PlainText); // as every label in the app (mnemonics still work)
    label->setBuddy(buddy ? buddy : field);
    m_form->addRow(label, field);
    m_rows.push_back({label, field});
}

void InspectorForm::setFieldText(QLineEdit *edit, const QString &text)
{
    edit->setModified(false);
    if (edit->text() == text)
        return;
    edit->setText(text);
    if (!edit->hasFocus())
        edit->setCursorPosition(0); // show the start of a long value, not its end
}

void InspectorForm::setFieldText(QPlainTextEdit *edit, const QString &text)
{
    if (edit->toPlainText() != text)
        edit->setPlainText(text);
}

bool InspectorForm::mayOverwrite(const QLineEdit *field) const
{
    // A line edit's modified flag is set by the user's typing and cleared by setText() and by
    // a commit: an undo shows in a field unless the user has typed there and not committed.
    return m_newItem || !field->isModified();
}

bool InspectorForm::fillField(QLineEdit *field, TextRef text)
{
    if (!mayOverwrite(field))
        return false;
    setFieldText(field, project().text(text));
    return true;
}

void InspectorForm::showProblem(QLabel *label, const QString &text)
{
    showFieldProblem(label, text);
}

void InspectorForm::showNote(QLabel *label, const QString &text)
{
    showFieldNote(label, text);
}

bool InspectorForm::showCheck(QLabel *label, const QString &problem, const QString &note)
{
    if (!problem.isEmpty())
        showProblem(label, tr("Not saved: %1").arg(problem));
    else if (!note.isEmpty())
        showNote(label, note);
    else
        label->hide();
    return problem.isEmpty();
}

InspectorForm::TimeField InspectorForm::addTimeRow(const QString &text, const char *name,
                                                   const QString &placeholder, bool allowEmpty)
{
    TimeField field;
    field.edit = lineEdit(name, Commit::WhenLeft);
    field.edit->setPlaceholderText(placeholder);
    field.reading = noteLabel(QByteArray(name).append("Reading").constData());
    field.allowEmpty = allowEmpty;
    addRow(text, fieldBox(field.edit, field.reading), field.edit);
    connect(field.edit, &QLineEdit::textEdited, this, [this, field] { checkTime(field); });
    return field;
}

void InspectorForm::fillTime(const TimeField &field, const FuzzyTime &time)
{
    if (!mayOverwrite(field.edit))
        return;
    setFieldText(field.edit,
                 field.allowEmpty && time.isNull() ? QString()
                                                   : QString::fromStdString(time.toEdtf()));
    checkTime(field);
}

std::optional<FuzzyTime> InspectorForm::checkTime(const TimeField &field)
{
    const std::string text = field.edit->text().trimmed().toStdString();
    if (text.empty() && field.allowEmpty) {
        showNote(field.reading, tr("no time"));
        return FuzzyTime();
    }
    std::string error;
    const std::optional<FuzzyTime> time = FuzzyTime::parse(text, &error);
    if (time)
        showNote(field.reading, time->toDisplayString(m_zone));
    else
        showProblem(field.reading,
                    tr("Not saved: %1").arg(visibleText(QString::fromStdString(error))));
    return time;
}

InspectorForm::LanguageField InspectorForm::addLanguageRow(const QString &text, const char *name)
{
    LanguageField field;
    field.edit = lineEdit(name, Commit::WhenLeft);
    field.edit->setPlaceholderText(tr("e.g. en, ru, uk or pt-BR; empty if not said"));
    field.edit->setToolTip(tr("A BCP 47 language code"));
    field.problem = noteLabel(QByteArray(name).append("Problem").constData());
    field.problem->hide();
    addRow(text, fieldBox(field.edit, field.problem), field.edit);
    connect(field.edit, &QLineEdit::textEdited, this, [this, field] { checkLanguage(field); });
    return field;
}

void InspectorForm::fillLanguage(const LanguageField &field, TextRef language)
{
    if (fillField(field.edit, language))
        checkLanguage(field);
}

bool InspectorForm::checkLanguage(const LanguageField &field)
{
    const QString text = field.edit->text().trimmed();
    return showCheck(field.problem, text.isEmpty() ? QString() : languageTagProblem(text));
}

std::optional<FuzzyTime> InspectorForm::takeTime(const TimeField &field)
{
    std::optional<FuzzyTime> time = checkTime(field);
    if (time)
        field.edit->setModified(false);
    return time;
}

std::optional<QString> InspectorForm::takeLanguage(const LanguageField &field)
{
    if (!checkLanguage(field))
        return std::nullopt;
    field.edit->setModified(false);
    return field.edit->text().trimmed();
}

void InspectorForm::addSourcesRow()
{
    m_citations = named(new CitationEditor(m_document, this), "inspectorCitationEditor");
    m_fieldUndo->addField(m_citations->excerptEdit());
    addRow(tr("Sou&rces:"), m_citations);
    connect(m_citations, &CitationEditor::edited, this,
            [this](const std::vector<Citation> &citations, CitationEditor::Change change,
                   std::uint32_t source) { commitCitations(citations, int(change), source); });
}

void InspectorForm::addStatusRows()
{
    m_status = combo("inspectorStatus");
    for (const Status status : Statuses)
        m_status->addItem(latin1(nameOf(status)));
    addRow(tr("Stat&us:"), m_status);
    m_history = noteLabel("inspectorHistory");
    m_history->setTextInteractionFlags(Qt::TextSelectableByMouse);
    addRow(tr("History:"), m_history);
    connect(m_status, &QComboBox::activated, this, &InspectorForm::commitStatus);
}

void InspectorForm::fillSources(IndexRange sources)
{
    m_citations->setCitations(project().citations(sources), m_newItem);
}

void InspectorForm::fillStatus(Status status, IndexRange history)
{
    m_status->setCurrentIndex(int(status));
    const Project &project = m_document->project();
    QStringList lines;
    QString previous;
    for (const StatusChange &change : project.statusChanges(history)) {
        const QString name = latin1(nameOf(change.status));
        QString line = change.at.isNull() ? tr("undated") : change.at.toDisplayString(m_zone);
        line += QStringLiteral(": ")
            + (previous.isEmpty() ? tr("set to %1").arg(name) : tr("%1 → %2").arg(previous, name));
        const QString reason = project.text(change.reason);
        if (!reason.isEmpty())
            line += QStringLiteral(" — ") + visibleText(reason);
        lines << line;
        previous = name;
    }
    m_history->setText(lines.isEmpty() ? tr("no changes recorded") : lines.join(QLatin1Char('\n')));
}

void InspectorForm::commitCitations(const std::vector<Citation> &citations, int change,
                                    std::uint32_t source)
{
    if (!isEditing() || (m_kind != ItemKind::Event && m_kind != ItemKind::Claim))
        return;
    const IndexRange range = m_document->addCitations(citations);
    const QString sourceName = m_document->quotedName({ItemKind::Source, source});
    const QString itemName = m_document->quotedName(item());
    QString action;
    Document::Field merge = Document::Field::None;
    switch (CitationEditor::Change(change)) {
    case CitationEditor::Change::Add:
        action = tr("Cite %1 in %2").arg(sourceName, itemName);
        break;
    case CitationEditor::Change::Remove:
        action = tr("Remove source %1 from %2").arg(sourceName, itemName);
        break;
    case CitationEditor::Change::Excerpt:
        action = tr("Change excerpt of %1 in %2").arg(sourceName, itemName);
        merge = Document::Field::Excerpt;
        break;
    }
    if (m_kind == ItemKind::Event) {
        Event after = project().events()[m_index];
        after.sources = range;
        m_document->edit(m_index, after, action, merge);
    } else {
        Claim after = project().claims()[m_index];
        after.sources = range;
        m_document->edit(m_index, after, action, merge);
    }
}

void InspectorForm::commitStatus(int comboIndex)
{
    if (!isEditing() || comboIndex < 0 || comboIndex >= int(Statuses.size()))
        return;
    Q_EMIT statusPicked(Statuses[std::size_t(comboIndex)]);
}

} // namespace claimline
