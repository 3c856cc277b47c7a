#include "periods/periodsdialog.h"

#include "document/document.h"
#include "model/project.h"
#include "periods/periodsmodel.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <set>

namespace claimline {

namespace {

// The table's editor for a time says, while it is typed, what it reads as or why it is not a
// time: the same reading as the fields under the table.
class PeriodDelegate final : public QStyledItemDelegate
{
public:
    using Typed = std::function<void(const QString &)>;

    PeriodDelegate(Typed typed, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_typed(std::move(typed))
    { }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        auto *line = qobject_cast<QLineEdit *>(editor);
        if (line && index.column() == PeriodsModel::WhenColumn)
            QObject::connect(line, &QLineEdit::textChanged, line, m_typed);
        return editor;
    }

private:
    Typed m_typed;
};

} // namespace

PeriodsDialog::PeriodsDialog(Document *document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_model(new PeriodsModel(document, this))
    , m_table(new QTableView(this))
    , m_title(new QLineEdit(this))
    , m_when(new QLineEdit(this))
    , m_add(new QPushButton(tr("&Add"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("periodsDialog"));
    setWindowTitle(tr("Periods"));
    auto *intro = new QLabel(tr("Named spans of time the record is set against, such as talks "
                                "or an offensive. The timeline draws each one as a band behind "
                                "its lanes, with the title above them."),
                             this);
    intro->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("periodsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(PeriodsModel::TitleColumn,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(PeriodsModel::WhenColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(PeriodsModel::ReadsColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->setItemDelegate(new PeriodDelegate(
        [this](const QString &text) {
            bool ok = false;
            const QString reading = PeriodsModel::reading(text, m_model->zone(), &ok);
            showStatus(reading, !ok);
        },
        m_table));

    m_title->setObjectName(QStringLiteral("periodTitle"));
    m_title->setPlaceholderText(tr("Title, e.g. Ceasefire talks"));
    m_when->setObjectName(QStringLiteral("periodWhen"));
    m_when->setPlaceholderText(tr("When, e.g. 2025-12-29/2025-12-31"));
    m_add->setObjectName(QStringLiteral("addPeriodButton"));
    m_remove->setObjectName(QStringLiteral("removePeriodButton"));
    m_status->setObjectName(QStringLiteral("periodStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText); // file text and parser messages, never markup

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_title, 1);
    addRow->addWidget(m_when, 1);
    addRow->addWidget(m_add);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_remove, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(addRow);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_add, &QPushButton::clicked, this, &PeriodsDialog::addTyped);
    connect(m_title, &QLineEdit::returnPressed, this, &PeriodsDialog::addTyped);
    connect(m_when, &QLineEdit::returnPressed, this, &PeriodsDialog::addTyped);
    connect(m_remove, &QPushButton::clicked, this, &PeriodsDialog::removeSelected);
    connect(m_when, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.trimmed().isEmpty()) {
            showStatus({}, false);
        } else {
            bool ok = false;
            const QString reading = PeriodsModel::reading(text, m_model->zone(), &ok);
            showStatus(reading, !ok);
        }
        updateButtons();
    });
    connect(m_title, &QLineEdit::textChanged, this, &PeriodsDialog::updateButtons);
    connect(m_model, &PeriodsModel::problem, this,
            [this](const QString &message) { showStatus(message, true); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &PeriodsDialog::updateButtons);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PeriodsDialog::updateButtons);

    // The document's undo and redo, here too: the dialog is a window of its own, out of reach
    // of the main window's shortcuts.
    QAction *undo = m_document->undoStack()->createUndoAction(this);
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this);
    redo->setShortcut(QKeySequence::Redo);
    addAction(undo);
    addAction(redo);

    resize(640, 380);
    updateButtons();
}

PeriodsDialog *PeriodsDialog::showFor(Document *document, QWidget *window)
{
    auto *dialog = window->findChild<PeriodsDialog *>(QString(), Qt::FindDirectChildrenOnly);
    if (!dialog)
        dialog = new PeriodsDialog(document, window);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

bool PeriodsDialog::addTyped()
{
    const QString title = m_title->text().simplified();
    std::string error;
    const std::optional<FuzzyTime> when
        = FuzzyTime::parse(m_when->text().trimmed().toStdString(), &error);
    if (title.isEmpty()) {
        showStatus(tr("A period needs a title."), true);
        m_title->setFocus();
        return false;
    }
    if (!when) {
        bool ok = false;
        showStatus(PeriodsModel::reading(m_when->text(), m_model->zone(), &ok), true);
        m_when->setFocus();
        return false;
    }
    const std::uint32_t index = m_document->addPeriod(title, *when);
    if (index == NoIndex)
        return false;
    m_title->clear();
    m_when->clear();
    showStatus(tr("Added “%1”. Edit ▸ Undo takes it back.").arg(title), false);
    m_table->selectRow(int(index));
    m_title->setFocus();
    return true;
}

void PeriodsDialog::removeSelected()
{
    std::set<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.insert(index.row());
    // Several at once are one step, as they were one action.
    QUndoStack *stack = m_document->undoStack();
    if (rows.size() > 1)
        stack->beginMacro(tr("Remove %1 periods").arg(rows.size()));
    for (auto it = rows.rbegin(); it != rows.rend(); ++it)
        m_document->removePeriod(std::uint32_t(*it));
    if (rows.size() > 1)
        stack->endMacro();
    if (!rows.empty())
        showStatus(rows.size() == 1
                       ? tr("Removed a period. Edit ▸ Undo brings it back.")
                       : tr("Removed %1 periods. Edit ▸ Undo brings them back.").arg(rows.size()),
                   false);
}

void PeriodsDialog::showStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    // A red that reads on the light and on the dark theme alike.
    const QPalette &own = this->palette();
    const bool dark = own.color(QPalette::Window).lightness() < 128;
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText,
                     !problem   ? own.color(QPalette::WindowText)
                         : dark ? QColor(0xff, 0x8a, 0x80)
                                : QColor(0xb0, 0x1c, 0x1c));
    m_status->setPalette(palette);
}

void PeriodsDialog::updateButtons()
{
    m_remove->setEnabled(m_table->selectionModel()->hasSelection());
    m_add->setEnabled(!m_title->text().trimmed().isEmpty() && !m_when->text().trimmed().isEmpty());
}

} // namespace claimline
