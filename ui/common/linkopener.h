#pragma once

// LinkOpener: opens an address in the browser, the one way Claimline does it, for every view
// that offers to (Details' Open Link, the Inspector's source actions).
//
// A project file may come from an adversary, so an address opens only when linkpolicy.h
// allows it (http or https with a host) and only after the user has seen the whole address
// as it will open (percent-encoded, the host in punycode) and agreed; any other is refused
// with the reason, and nothing asks first. The three steps are handlers that tests replace:
// what asks the user, what tells of a refusal (by default message boxes over the widget the
// request comes from) and what opens (QDesktopServices::openUrl). Evidence files open the
// same way (openFile()).

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <functional>

class QWidget;

namespace claimline {

struct LinkCheck;

class LinkOpener final
{
    Q_DECLARE_TR_FUNCTIONS(claimline::LinkOpener)

public:
    // Whether to open `address` (confirm), telling that it is not opened and why (refuse),
    // opening it (opener: whether the browser took it).
    using Confirm = std::function<bool(QWidget *parent, const QString &address)>;
    using Refuse
        = std::function<void(QWidget *parent, const QString &address, const QString &reason)>;
    using Opener = std::function<bool(const QUrl &url)>;

    LinkOpener();

    void setHandlers(Confirm confirm, Refuse refuse, Opener opener);

    // Checks the address (text from a file or typed, or a URL), shows it to the user over
    // `parent` and opens it when they agree. Returns whether it was opened.
    bool open(const QString &address, QWidget *parent) const;
    bool open(const QUrl &url, QWidget *parent) const;
    // The same for the Wayback Machine's list of the archived copies of `address`
    // (linkpolicy.h: waybackLookup()); an address that may not open is refused as it is.
    bool openWaybackLookup(const QString &address, QWidget *parent) const;
    // A file on this disk (an evidence file, evidencestore.h), after the same confirmation
    // showing its whole path; the system's application for its type opens it. A path that is
    // not an existing file is refused.
    bool openFile(const QString &absolutePath, QWidget *parent) const;

private:
    bool openChecked(const LinkCheck &check, QWidget *parent) const;

    Confirm m_confirm;
    Refuse m_refuse;
    Opener m_opener;
};

} // namespace claimline
