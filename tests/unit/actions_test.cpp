#include <gtest/gtest.h>

#include "app/actions.h"
#include "core/error.h"

using namespace venaviz;

TEST(SplitCommand, WordsAndQuotes) {
  EXPECT_EQ(splitCommand("view anterior"), (std::vector<std::string>{"view", "anterior"}));
  EXPECT_EQ(splitCommand("  load_scene  \"my scene.json\" "),
            (std::vector<std::string>{"load_scene", "my scene.json"}));
  EXPECT_EQ(splitCommand("a \"\" b"), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_THROW(splitCommand("load_scene \"open"), Error);
}

TEST(ActionRegistry, RunsHandlersWithArguments) {
  ActionRegistry r;
  std::vector<std::string> got;
  r.add("set", "set A [B]", "sets", 1, 2, [&](const std::vector<std::string>& a) { got = a; });
  r.run("set x");
  EXPECT_EQ(got, (std::vector<std::string>{"x"}));
  r.run("set x y");
  EXPECT_EQ(got, (std::vector<std::string>{"x", "y"}));
}

TEST(ActionRegistry, ErrorsNameTheProblem) {
  ActionRegistry r;
  r.add("set", "set A", "sets", 1, 1, [](const std::vector<std::string>&) {});
  try {
    r.run("sett x");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("unknown command \"sett\""), std::string::npos);
  }
  try {
    r.run("set");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("usage: set A"), std::string::npos);
  }
  EXPECT_THROW(r.run(""), Error);
}

TEST(ActionRegistry, DocsListKeys) {
  ActionRegistry r;
  r.add("help", "help", "Show help", 0, 0, [](const std::vector<std::string>&) {});
  r.bindKeyDoc("help", "F1");
  r.bindKeyDoc("help", "?");
  ASSERT_EQ(r.docs().size(), 1u);
  EXPECT_EQ(r.docs()[0].keys, "F1, ?");
  EXPECT_EQ(r.docs()[0].doc, "Show help");
}

TEST(ParseArgs, NumbersAndSwitches) {
  EXPECT_DOUBLE_EQ(parseNumberArg("x", "2.5", 0, 10), 2.5);
  EXPECT_THROW(parseNumberArg("x", "abc", 0, 10), Error);
  EXPECT_THROW(parseNumberArg("x", "11", 0, 10), Error);
  EXPECT_THROW(parseNumberArg("x", "nan", 0, 10), Error);
  EXPECT_TRUE(parseSwitchArg("f", {"on"}, false));
  EXPECT_FALSE(parseSwitchArg("f", {"off"}, true));
  EXPECT_TRUE(parseSwitchArg("f", {}, false));
  EXPECT_THROW(parseSwitchArg("f", {"maybe"}, false), Error);
}
