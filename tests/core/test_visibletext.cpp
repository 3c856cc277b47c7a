// visibleText: hidden controls and bidi overrides are shown, not obeyed; everything else is
// left exactly as it was.

#include "text/visibletext.h"

#include <gtest/gtest.h>

using namespace claimline;

TEST(VisibleText, OrdinaryTextIsUnchanged)
{
    for (const QString &text :
         {QStringLiteral("Lavrov: 91 drones"),
          QString::fromUtf8("Зеленський — «повна вигадка» 🙂"),
          QString::fromUtf8("الكرملين"), QStringLiteral("<b>kept</b>")})
        EXPECT_EQ(visibleText(text), text) << text.toStdString();
}

TEST(VisibleText, BidiOverridesAreShownNotObeyed)
{
    const QString hostile = QString::fromUtf8("Russia \u202Eevil\u202C done");
    EXPECT_EQ(visibleText(hostile), QString::fromUtf8("Russia ⟨U+202E⟩evil⟨U+202C⟩ done"));
    EXPECT_EQ(visibleText(QString::fromUtf8("a\u2066b\u2069c\u200Fd\u061Ce")),
              QString::fromUtf8("a⟨U+2066⟩b⟨U+2069⟩c⟨U+200F⟩d⟨U+061C⟩e"));
}

TEST(VisibleText, ControlCharactersAreShown)
{
    EXPECT_EQ(visibleText(QStringLiteral("line\nbreak\ttab\x07")),
              QString::fromUtf8("line⟨U+000A⟩break⟨U+0009⟩tab⟨U+0007⟩"));
    EXPECT_EQ(visibleText(QString(QChar(0x7f)).append(QChar(0x85))),
              QString::fromUtf8("⟨U+007F⟩⟨U+0085⟩"));
    EXPECT_TRUE(isHiddenControl(0x202e));
    EXPECT_FALSE(isHiddenControl(U'a'));
    EXPECT_FALSE(isHiddenControl(0x200d)); // zero-width joiner: part of emoji, kept
}
