#pragma once
// Picks the font the renderer draws with: one that covers Japanese, loaded from a fixed file
// when possible so that the same input renders the same pixels on every machine.
#include <QString>

namespace RenderFonts {

// Family name to use in QFont; empty when no font with Japanese glyphs is installed.
QString japaneseFamily();

// Path of the font file in use, or empty when the family came from the system's font list.
QString japaneseFontFile();

} // namespace RenderFonts
