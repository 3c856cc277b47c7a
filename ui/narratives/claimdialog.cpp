#include "narratives/claimdialog.h"

#include "model/project.h"
#include "present/narrativestext.h"

#include <QDialogButtonBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace claimline {

ClaimDialog::ClaimDialog(const Project &project, std::uint32_t claim, const QTimeZone &zone,
                         QWidget *parent)
    : QDialog(parent)
    , m_claim(claim)
    , m_text(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("narrativesClaimDialog"));
    setWindowTitle(tr("Claim by %1").arg(NarrativesText::claimant(project, claim)));
    m_text->setObjectName(QStringLiteral("narrativesClaimText"));
    m_text->setReadOnly(true);
    m_text->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_text->setPlainText(NarrativesText::drillDown(project, claim, zone));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(buttons);
    resize(640, 560);
}

ClaimDialog::~ClaimDialog() = default;

QString ClaimDialog::text() const
{
    return m_text->toPlainText();
}

} // namespace claimline
