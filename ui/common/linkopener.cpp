#include "common/linkopener.h"

#include "text/linkpolicy.h"
#include "text/visibletext.h"

#include <spdlog/spdlog.h>

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>

namespace claimline {

LinkOpener::LinkOpener()
{
    m_confirm = [](QWidget *parent, const QString &address) {
        // A file on this disk (openFile()) is shown as its path, a link as its address.
        const bool file = QDir::isAbsolutePath(address);
        QMessageBox box(QMessageBox::Question, file ? tr("Open File") : tr("Open Link"),
                        file ? tr("Open this file with the application your system uses for "
                                  "it?")
                             : tr("Open this address in your browser?"),
                        QMessageBox::NoButton, parent);
        box.setTextFormat(Qt::PlainText);
        box.setInformativeText(address);
        box.addButton(tr("Open"), QMessageBox::AcceptRole);
        box.setDefaultButton(box.addButton(QMessageBox::Cancel));
        box.exec();
        return box.buttonRole(box.clickedButton()) == QMessageBox::AcceptRole;
    };
    m_refuse = [](QWidget *parent, const QString &address, const QString &reason) {
        QMessageBox box(QMessageBox::Warning, tr("Link Not Opened"), reason, QMessageBox::Ok,
                        parent);
        box.setTextFormat(Qt::PlainText);
        box.setInformativeText(address);
        box.exec();
    };
    m_opener = [](const QUrl &url) {
        return QDesktopServices::openUrl(url);
    };
}

void LinkOpener::setHandlers(Confirm confirm, Refuse refuse, Opener opener)
{
    m_confirm = std::move(confirm);
    m_refuse = std::move(refuse);
    m_opener = std::move(opener);
}

bool LinkOpener::open(const QString &address, QWidget *parent) const
{
    return openChecked(checkLink(address), parent);
}

bool LinkOpener::open(const QUrl &url, QWidget *parent) const
{
    return open(url.toString(QUrl::FullyEncoded), parent);
}

bool LinkOpener::openWaybackLookup(const QString &address, QWidget *parent) const
{
    return openChecked(waybackLookup(address), parent);
}

bool LinkOpener::openFile(const QString &absolutePath, QWidget *parent) const
{
    // Shown with anything hidden in it made visible, as an address is.
    const QString shown = visibleText(QDir::toNativeSeparators(absolutePath));
    const QFileInfo info(absolutePath);
    if (!info.isAbsolute() || !info.isFile()) {
        spdlog::info("refused to open a file that is not there");
        m_refuse(parent, shown, tr("The file is not there: it may have been moved or deleted."));
        return false;
    }
    if (!m_confirm(parent, shown)) {
        spdlog::info("the user chose not to open a file");
        return false;
    }
    spdlog::info("opening an evidence file");
    return m_opener(QUrl::fromLocalFile(info.absoluteFilePath()));
}

bool LinkOpener::openChecked(const LinkCheck &check, QWidget *parent) const
{
    if (!check.allowed) {
        spdlog::info("refused to open a link: {}", check.reason.toStdString());
        m_refuse(parent, check.shown, check.reason);
        return false;
    }
    if (!m_confirm(parent, check.shown)) {
        spdlog::info("the user chose not to open a link");
        return false;
    }
    spdlog::info("opening a link in the browser");
    return m_opener(check.url);
}

} // namespace claimline
