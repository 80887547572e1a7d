package dev.entitynet.warmup;

import java.util.List;

/**
 * A class's place in the type hierarchy, as its class file states it.
 *
 * @param name internal name ({@code java/util/List})
 * @param superName the superclass's internal name, or null for {@code java/lang/Object}
 * @param interfaces the directly implemented (or extended) interfaces
 * @param isInterface whether it is an interface
 * @param abstractMethods the abstract instance methods it declares, as name plus descriptor
 * @param concreteMethods the other instance methods it declares (not static, private or
 *     constructors): an interface's default methods
 */
record ClassShape(String name, String superName, List<String> interfaces, boolean isInterface, List<String> abstractMethods,
                  List<String> concreteMethods) {
}
