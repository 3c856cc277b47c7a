#include "edit/deletedialog.h"

#include "document/deletion.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <algorithm>

namespace claimline {

namespace {

QLabel *plainLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

// "6 actors, 18 events and 25 claims" (nothing for zero counts).
QString countsText(std::size_t actors, std::size_t events, std::size_t claims,
                   std::size_t relations = 0)
{
    QStringList parts;
    const auto add = [&parts](std::size_t n, const QString &one, const QString &many) {
        if (n == 1)
            parts << one;
        else if (n > 1)
            parts << many.arg(n);
    };
    add(actors, DeleteDialog::tr("1 actor"), DeleteDialog::tr("%1 actors"));
    add(events, DeleteDialog::tr("1 event"), DeleteDialog::tr("%1 events"));
    add(claims, DeleteDialog::tr("1 claim"), DeleteDialog::tr("%1 claims"));
    add(relations, DeleteDialog::tr("1 relation"), DeleteDialog::tr("%1 relations"));
    if (parts.size() <= 1)
        return parts.join(QString());
    const QString last = parts.takeLast();
    return DeleteDialog::tr("%1 and %2").arg(parts.join(QStringLiteral(", ")), last);
}

QString kindName(ItemKind kind)
{
    switch (kind) {
    case ItemKind::Party:
        return DeleteDialog::tr("party");
    case ItemKind::Actor:
        return DeleteDialog::tr("actor");
    case ItemKind::Source:
        return DeleteDialog::tr("source");
    case ItemKind::Event:
        return DeleteDialog::tr("event");
    case ItemKind::Question:
        return DeleteDialog::tr("question");
    case ItemKind::Claim:
        return DeleteDialog::tr("claim");
    }
    return {};
}

// Reassigning is offered for the kinds a list can hold: not for events and claims, of which
// there may be millions.
std::size_t reassignableCount(const Project &project, ItemKind kind)
{
    return kind == ItemKind::Event || kind == ItemKind::Claim ? 0 : project.count(kind);
}

} // namespace

DeleteDialog::DeleteDialog(const Document *document, std::vector<ItemRef> items, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_items(std::move(items))
{
    setObjectName(QStringLiteral("deleteDialog"));
    setWindowTitle(tr("Delete"));
    const Project &project = document->project();
    const ReferenceCount references = countReferences(project, m_items);
    const bool oneKind = std::all_of(m_items.begin(), m_items.end(), [this](const ItemRef &item) {
        return item.kind == m_items.front().kind;
    });

    auto *layout = new QVBoxLayout(this);
    m_question = plainLabel(this);
    m_question->setObjectName(QStringLiteral("deleteQuestion"));
    QFont bold = m_question->font();
    bold.setBold(true);
    m_question->setFont(bold);
    if (m_items.size() == 1) {
        m_question->setText(
            tr("Delete the %1 %2?")
                .arg(kindName(m_items.front().kind), document->quotedName(m_items.front())));
    } else {
        m_question->setText(tr("Delete %1 items?").arg(m_items.size()));
    }
    layout->addWidget(m_question);

    m_references = plainLabel(this);
    m_references->setObjectName(QStringLiteral("deleteReferences"));
    const std::size_t referrers = references.referrers();
    QString text;
    if (referrers == 0 && references.relations == 0 && references.positions == 0) {
        text = tr("Nothing else refers to it.");
    } else {
        if (referrers > 0) {
            text = tr("%1 refer to it.")
                       .arg(countsText(references.actors, references.events, references.claims));
        }
        if (references.relations > 0) {
            text += (text.isEmpty() ? QString() : QStringLiteral(" "))
                + tr("%1 to or from it will be deleted with it.")
                      .arg(countsText(0, 0, 0, references.relations));
        }
        if (references.positions > 0) {
            // A party's positions move when it is reassigned (where the other has none).
            const bool party = m_items.front().kind == ItemKind::Party;
            const QString positions = references.positions == 1
                ? tr("Its position in the Positions table")
                : tr("Its %1 positions in the Positions table").arg(references.positions);
            text += (text.isEmpty() ? QString() : QStringLiteral(" "))
                + (party
                       ? tr("%1 will be deleted with it, unless you reassign them.").arg(positions)
                       : tr("%1 will be deleted with it.").arg(positions));
        }
    }
    m_references->setText(text);
    layout->addWidget(m_references);

    if (referrers > 0) {
        const auto cascade = cascadeCounts(project, m_items);
        std::array<std::size_t, ItemKindNames.size()> asked {};
        for (const ItemRef &item : m_items)
            ++asked[std::size_t(item.kind)];
        const auto more = [&](ItemKind kind) {
            return cascade[std::size_t(kind)]
                - std::min(cascade[std::size_t(kind)], asked[std::size_t(kind)]);
        };
        const QString taken
            = countsText(more(ItemKind::Actor), more(ItemKind::Event), more(ItemKind::Claim));
        m_cascade
            = new QRadioButton(taken.isEmpty() ? tr("Delete it, and remove the references to it")
                                               : tr("Delete what depends on it too: %1").arg(taken),
                               this);
        m_cascade->setObjectName(QStringLiteral("deleteCascade"));
        layout->addWidget(m_cascade);

        const ItemKind kind = m_items.front().kind;
        if (oneKind && reassignableCount(project, kind) > 0) {
            auto *row = new QHBoxLayout;
            m_reassign = new QRadioButton(tr("Reassign them to:"), this);
            m_reassign->setObjectName(QStringLiteral("deleteReassign"));
            m_target = new QComboBox(this);
            m_target->setObjectName(QStringLiteral("deleteReassignTarget"));
            m_target->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            m_target->setMinimumContentsLength(24);
            for (std::uint32_t i = 0; i < reassignableCount(project, kind); ++i) {
                const ItemRef item {kind, i};
                if (std::find(m_items.begin(), m_items.end(), item) == m_items.end())
                    m_target->addItem(project.text(project.labelOf(item)), i);
            }
            row->addWidget(m_reassign);
            row->addWidget(m_target, 1);
            layout->addLayout(row);
            if (m_target->count() == 0) {
                m_reassign->setEnabled(false);
                m_target->setEnabled(false);
            }
            connect(m_target, &QComboBox::activated, this,
                    [this] { m_reassign->setChecked(true); });
        }
        if (!references.required) {
            m_detach = new QRadioButton(tr("Keep them, without the reference"), this);
            m_detach->setObjectName(QStringLiteral("deleteDetach"));
            layout->addWidget(m_detach);
        }
        // The least destructive choice first.
        if (m_detach)
            m_detach->setChecked(true);
        else if (m_reassign && m_reassign->isEnabled())
            m_reassign->setChecked(true);
        else
            m_cascade->setChecked(true);
        for (QRadioButton *button : {m_cascade, m_reassign, m_detach}) {
            if (button)
                connect(button, &QRadioButton::toggled, this, &DeleteDialog::updateOk);
        }
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(tr("Delete"), QDialogButtonBox::DestructiveRole);
    m_ok->setObjectName(QStringLiteral("deleteButton"));
    connect(m_ok, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    updateOk();
}

DeleteMode DeleteDialog::mode() const
{
    if (m_reassign && m_reassign->isChecked())
        return DeleteMode::Reassign;
    if (m_detach && m_detach->isChecked())
        return DeleteMode::Detach;
    return DeleteMode::Cascade;
}

bool DeleteDialog::isModeOffered(DeleteMode mode) const
{
    switch (mode) {
    case DeleteMode::Cascade:
        return true;
    case DeleteMode::Reassign:
        return m_reassign && m_reassign->isEnabled();
    case DeleteMode::Detach:
        return m_detach != nullptr || !m_cascade;
    }
    return false;
}

bool DeleteDialog::setMode(DeleteMode mode)
{
    if (!isModeOffered(mode))
        return false;
    QRadioButton *button = mode == DeleteMode::Cascade ? m_cascade
        : mode == DeleteMode::Reassign                 ? m_reassign
                                                       : m_detach;
    if (button)
        button->setChecked(true);
    return true;
}

std::uint32_t DeleteDialog::reassignTarget() const
{
    if (!m_target || m_target->currentIndex() < 0)
        return NoIndex;
    return m_target->currentData().toUInt();
}

bool DeleteDialog::setReassignTarget(std::uint32_t index)
{
    if (!m_target)
        return false;
    const int row = m_target->findData(index);
    if (row < 0)
        return false;
    m_target->setCurrentIndex(row);
    return true;
}

QString DeleteDialog::questionText() const
{
    return m_question->text();
}

QString DeleteDialog::referencesText() const
{
    return m_references->text();
}

void DeleteDialog::updateOk()
{
    m_ok->setEnabled(mode() != DeleteMode::Reassign || reassignTarget() != NoIndex);
}

} // namespace claimline
