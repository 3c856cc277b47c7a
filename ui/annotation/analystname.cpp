#include "annotation/analystname.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

namespace claimline {

AnalystNameDialog::AnalystNameDialog(const QString &current, const QString &why, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("analystNameDialog"));
    setWindowTitle(tr("Analyst Name"));
    auto *text = new QLabel(why, this);
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    auto *label = new QLabel(tr("&Your name:"), this);
    label->setTextFormat(Qt::PlainText); // the mnemonic still works
    m_edit = new QLineEdit(current, this);
    m_edit->setObjectName(QStringLiteral("analystNameEdit"));
    m_edit->setPlaceholderText(tr("e.g. Ana Petrova"));
    m_edit->setMaxLength(200);
    label->setBuddy(m_edit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // A blank name is no author: OK waits for one.
    const auto check = [this] {
        m_ok->setEnabled(!name().isEmpty());
    };
    connect(m_edit, &QLineEdit::textChanged, this, check);
    check();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addSpacing(4);
    layout->addWidget(label);
    layout->addWidget(m_edit);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 52);
}

QString AnalystNameDialog::name() const
{
    return m_edit->text().simplified();
}

QString AnalystNameDialog::settingsKey()
{
    return QStringLiteral("analyst/name");
}

QString AnalystNameDialog::saved()
{
    return QSettings().value(settingsKey()).toString().simplified();
}

void AnalystNameDialog::save(const QString &name)
{
    const QString simplified = name.simplified();
    if (simplified == saved())
        return;
    QSettings().setValue(settingsKey(), simplified);
    // Who the user is belongs in their settings, not in the log.
    spdlog::info("the analyst's name was changed");
}

QString AnalystNameDialog::ask(QWidget *parent, const QString &current, const QString &why)
{
    AnalystNameDialog dialog(current, why, parent);
    return dialog.exec() == QDialog::Accepted ? dialog.name() : QString();
}

QString AnalystNameDialog::savedOrAsk(const Ask &ask, QWidget *parent)
{
    QString name = saved();
    if (!name.isEmpty())
        return name;
    name = ask(parent, {},
               tr("Annotations carry their author's name. It is asked once and kept in your "
                  "settings; Tools ▸ Analyst Name… changes it."))
               .simplified();
    if (!name.isEmpty())
        save(name);
    return name;
}

} // namespace claimline
