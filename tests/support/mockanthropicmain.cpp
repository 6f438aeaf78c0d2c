// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockmain.h"
#include "tests/support/mockanthropicserver.h"

int main(int argc, char *argv[])
{
    using namespace Switchyard::Testing;
    return runMockMain<MockAnthropicServer>(
        argc, argv,
        {"mock-anthropic", QStringLiteral("A mock Anthropic Messages upstream for tests and benchmarks."),
         QStringLiteral("Fault for every request: None, ServerError500, RateLimited429, Overloaded529, Hang, DropMidStream, ErrorEventMidStream."),
         QStringLiteral("Expected x-api-key (default: any)."),
         QStringLiteral("Reply with a tool_use block after the --reply text (pass an empty --reply for the tool call only)."),
         ""});
}
