// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockmain.h"
#include "tests/support/mockgeminiserver.h"

int main(int argc, char *argv[])
{
    using namespace Switchyard::Testing;
    return runMockMain<MockGeminiServer>(
        argc, argv,
        {"mock-gemini", QStringLiteral("A mock Gemini generateContent upstream for tests and benchmarks."),
         QStringLiteral("Fault for every request: None, ServerError500, RateLimited429, Overloaded503, Hang, DropMidStream, ErrorEventMidStream."),
         QStringLiteral("Expected x-goog-api-key or ?key= (default: any)."),
         QStringLiteral("Reply with a functionCall part after the --reply text (pass an empty --reply for the call only)."),
         ""});
}
