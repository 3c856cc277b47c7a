#include "filter/sectionheader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace claimline {

SectionHeader::SectionHeader(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(4);
    auto *label = new QLabel(title, this);
    label->setTextFormat(Qt::PlainText);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    m_layout->addWidget(label, 1);
}

QToolButton *SectionHeader::addButton(const QString &text, const QString &accessibleName,
                                      const QString &toolTip, const QString &objectName)
{
    auto *button = new QToolButton(this);
    button->setText(text);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    button->setToolTip(toolTip);
    button->setFocusPolicy(Qt::StrongFocus);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_layout->addWidget(button);
    return button;
}

} // namespace claimline
