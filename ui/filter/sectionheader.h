#pragma once

// SectionHeader: a Filter panel section's bold title, with small buttons at its right end
// ("All", "None") that act on the whole section. The buttons take Tab focus like any other,
// so that a section can be narrowed or restored from the keyboard.

#include <QWidget>

class QHBoxLayout;
class QToolButton;

namespace claimline {

class SectionHeader final : public QWidget
{
    Q_OBJECT

public:
    SectionHeader(const QString &title, QWidget *parent);

    // A button at the right end; accessibleName says what it does for a screen reader
    // ("Show every party"), the tooltip in more words.
    QToolButton *addButton(const QString &text, const QString &accessibleName,
                           const QString &toolTip, const QString &objectName);

private:
    QHBoxLayout *m_layout = nullptr;
};

} // namespace claimline
