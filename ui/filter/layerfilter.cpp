#include "filter/layerfilter.h"

#include "annotation/annotationlist.h"
#include "common/connecteach.h"
#include "document/document.h"
#include "document/filter.h"
#include "text/visibletext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QTimer>

namespace claimline {

LayerFilter::LayerFilter(Document *document, Filter *filter, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_filter(filter)
    , m_authorsTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("filterLayer"));
    m_starred = new QCheckBox(tr("★ Starred only"), this);
    m_starred->setObjectName(QStringLiteral("filterStarredOnly"));
    m_starred->setToolTip(tr("Only the events and claims you starred"));
    m_annotated = new QCheckBox(tr("Annotated only"), this);
    m_annotated->setObjectName(QStringLiteral("filterAnnotatedOnly"));
    m_annotated->setToolTip(tr("Only the events and claims with at least one annotation"));
    m_author = new QComboBox(this);
    m_author->setObjectName(QStringLiteral("filterAnnotationAuthor"));
    m_author->setToolTip(tr("Only the events and claims this person annotated"));
    m_author->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_author->setMinimumContentsLength(12);
    auto *label = new QLabel(tr("By &author:"), this);
    label->setTextFormat(Qt::PlainText); // as every label in the app (the mnemonic still works)
    label->setBuddy(m_author);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(6);
    layout->setVerticalSpacing(4);
    layout->addWidget(m_starred, 0, 0, 1, 2);
    layout->addWidget(m_annotated, 1, 0, 1, 2);
    layout->addWidget(label, 2, 0);
    layout->addWidget(m_author, 2, 1);
    layout->setColumnStretch(1, 1);

    connect(m_starred, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_syncing)
            m_filter->setStarredOnly(on);
    });
    connect(m_annotated, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_syncing)
            m_filter->setAnnotatedOnly(on);
    });
    connect(m_author, &QComboBox::currentIndexChanged, this, [this](int row) {
        if (!m_syncing && row >= 0)
            m_filter->setAnnotationAuthor(m_author->itemData(row).toString());
    });
    connect(m_filter, &Filter::changed, this, &LayerFilter::syncFromFilter);
    // Who wrote annotations changes with any item's edit, undo and redo, and another project.
    m_authorsTimer->setSingleShot(true);
    m_authorsTimer->setInterval(0);
    connect(m_authorsTimer, &QTimer::timeout, this, &LayerFilter::updateAuthors);
    const auto schedule = [this] {
        m_authorsTimer->start();
    };
    connectEach(m_document, this, schedule, &Document::reset, &Document::eventChanged,
                &Document::claimChanged, &Document::partyChanged, &Document::actorChanged,
                &Document::sourceChanged, &Document::questionChanged, &Document::structureChanged);
    updateAuthors();
}

void LayerFilter::updateAuthors()
{
    m_authorsTimer->stop();
    QStringList authors = annotationAuthors(m_document->project());
    const QString chosen = m_filter->annotationAuthor();
    const bool absent = !chosen.isEmpty() && !authors.contains(chosen);
    QStringList texts {tr("Anyone")};
    QStringList values {QString()};
    for (const QString &author : std::as_const(authors)) {
        texts << visibleText(author);
        values << author;
    }
    if (absent) {
        texts << tr("%1 (no annotations)").arg(visibleText(chosen));
        values << chosen;
    }
    // Rebuilt only when the list changed: an open popup is not disturbed by unrelated edits.
    QStringList had;
    for (int row = 0; row < m_author->count(); ++row)
        had << m_author->itemData(row).toString();
    if (had != values || m_author->count() != texts.size()) {
        m_syncing = true;
        m_author->clear();
        for (qsizetype i = 0; i < texts.size(); ++i)
            m_author->addItem(texts[i], values[i]);
        m_syncing = false;
    }
    syncFromFilter();
}

void LayerFilter::syncFromFilter()
{
    m_syncing = true;
    m_starred->setChecked(m_filter->starredOnly());
    m_annotated->setChecked(m_filter->annotatedOnly());
    const int row = m_author->findData(m_filter->annotationAuthor());
    m_syncing = false;
    if (row < 0) {
        // An author the list does not have yet (set from elsewhere): listed at once.
        updateAuthors();
        return;
    }
    m_syncing = true;
    m_author->setCurrentIndex(row);
    m_syncing = false;
}

} // namespace claimline
