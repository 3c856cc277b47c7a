// Which source links may open: http and https with a host, shown in full first.

#include "text/linkpolicy.h"

#include <gtest/gtest.h>

using namespace claimline;

TEST(LinkPolicy, HttpAndHttpsWithAHostAreAllowed)
{
    for (const char *url : {"https://example.org/a", "http://example.org", "HTTPS://EXAMPLE.ORG/x",
                            "  https://example.org/  "}) {
        const LinkCheck check = checkLink(QString::fromUtf8(url));
        EXPECT_TRUE(check.allowed) << url;
        EXPECT_TRUE(check.reason.isEmpty()) << url;
    }
}

TEST(LinkPolicy, OtherSchemesAndBrokenAddressesAreRefusedWithAReason)
{
    for (const char *url : {"", "   ", "file:///etc/passwd", "javascript:alert(1)",
                            "data:text/html,<b>x</b>", "ftp://example.org/f", "https://",
                            "example.org/no-scheme", "vbscript:msgbox", "smb://host/share"}) {
        const LinkCheck check = checkLink(QString::fromUtf8(url));
        EXPECT_FALSE(check.allowed) << url;
        EXPECT_FALSE(check.reason.isEmpty()) << url;
        EXPECT_FALSE(check.url.isValid()) << url;
    }
    EXPECT_TRUE(
        checkLink(QStringLiteral("file:///etc/passwd")).reason.contains(QStringLiteral("file:")));
}

TEST(LinkPolicy, TheAddressShownRevealsLookAlikesAndHiddenCharacters)
{
    // A Cyrillic "а" in the host is shown in punycode, so it cannot pass for "apple.com".
    const LinkCheck idn = checkLink(QStringLiteral("https://\u0430pple.com/"));
    ASSERT_TRUE(idn.allowed);
    EXPECT_TRUE(idn.shown.startsWith(QStringLiteral("https://xn--"))) << idn.shown.toStdString();
    // A right-to-left override is percent-encoded, not obeyed.
    const LinkCheck bidi = checkLink(QStringLiteral("https://example.org/\u202egnp.exe"));
    ASSERT_TRUE(bidi.allowed);
    EXPECT_FALSE(bidi.shown.contains(QChar(0x202e)));
    EXPECT_TRUE(bidi.shown.contains(QStringLiteral("%E2%80%AE"))) << bidi.shown.toStdString();
    // A refused link is shown with its hidden characters made visible.
    const LinkCheck refused = checkLink(QStringLiteral("file:///\u202etxt.exe"));
    EXPECT_FALSE(refused.allowed);
    EXPECT_FALSE(refused.shown.contains(QChar(0x202e)));
}

TEST(LinkPolicy, WaybackLookupKeepsTheQueryAndDropsTheFragment)
{
    const LinkCheck lookup
        = waybackLookup(QStringLiteral(" https://example.org/a b/стр?q=1&r=ü&s=%23x#section "));
    ASSERT_TRUE(lookup.allowed) << lookup.reason.toStdString();
    EXPECT_EQ(lookup.shown,
              QStringLiteral("https://web.archive.org/web/*/https://example.org/a%20b/"
                             "%D1%81%D1%82%D1%80?q=1&r=%C3%BC&s=%23x"));
    EXPECT_EQ(lookup.url.host(), QStringLiteral("web.archive.org"));
    EXPECT_TRUE(lookup.url.fragment().isEmpty());
    // The query is the looked-up page's, read by the archive as part of the address.
    EXPECT_EQ(lookup.url.query(QUrl::FullyEncoded), QStringLiteral("q=1&r=%C3%BC&s=%23x"));
    // The "*" that asks for every capture stays a "*": "%2A" is not found.
    EXPECT_TRUE(lookup.url.path(QUrl::FullyEncoded).startsWith(QStringLiteral("/web/*/https:")));

    // A look-alike host is looked up as it really is, in punycode.
    const LinkCheck idn = waybackLookup(QStringLiteral("https://\u0430pple.com/"));
    ASSERT_TRUE(idn.allowed);
    EXPECT_EQ(idn.shown, QStringLiteral("https://web.archive.org/web/*/https://xn--pple-43d.com/"));
}

TEST(LinkPolicy, WaybackLookupOfARefusedAddressIsRefusedWithItsReason)
{
    for (const char *url : {"", "file:///etc/passwd", "javascript:alert(1)", "example.org/a"}) {
        const LinkCheck lookup = waybackLookup(QString::fromUtf8(url));
        EXPECT_FALSE(lookup.allowed) << url;
        EXPECT_EQ(lookup.reason, checkLink(QString::fromUtf8(url)).reason) << url;
        EXPECT_FALSE(lookup.url.isValid()) << url;
    }
}
