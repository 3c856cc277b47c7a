#pragma once

// Which source links Claimline opens. A project file may come from an adversary, so a URL in
// it is never followed blindly: only http and https addresses with a host are opened, and
// only after the user has seen the whole address (checkLink().shown: percent-encoded, the host
// in punycode, so that look-alike letters, user-info tricks ("https://bank.example@evil.test")
// and hidden characters are all visible). file:, javascript:, data:, and every other scheme
// are refused with a reason.

#include <QString>
#include <QUrl>

namespace claimline {

struct LinkCheck
{
    bool allowed = false;
    QUrl url; // valid when allowed
    QString shown; // the address as the user must see it before it opens
    QString reason; // why it is refused, when it is
};

LinkCheck checkLink(const QString &text);

// The Wayback Machine's list of the archived copies of a page: the check of
// https://web.archive.org/web/*/ followed by the page's address as checkLink() shows it
// (percent-encoded, the host in punycode), without its fragment. The query stays as it is:
// the archive takes everything after "/web/*/" as the address to look up, as its own links
// spell it. A fragment never reaches a server (the archive keeps pages, not places in them),
// and left in, it would be the lookup page's own fragment. An address checkLink() refuses
// gives its refusal.
LinkCheck waybackLookup(const QString &text);

} // namespace claimline
