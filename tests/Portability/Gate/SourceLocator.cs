using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Wallbox.Portability;

/// <summary>
/// Source file and line for a <see cref="UseSite"/>. Inside method bodies: the PDB sequence point of the IL
/// instruction (the nearest visible one at or before it). Elsewhere (signatures, fields, type headers): the
/// file of the declaring type (from its methods' sequence points, or a search of the given source folders
/// for assemblies without a PDB) and the declaration line found by <see cref="DeclarationFinder"/>, or no line.
/// Files are reported relative to the repository root with forward slashes.
/// </summary>
public sealed class SourceLocator
{
    private readonly string _repoRoot;
    private readonly IReadOnlyList<string> _sourceDirectories;
    private readonly DeclarationFinder _declarations = new();
    private readonly Dictionary<TypeDefinition, string> _typeFiles = new();

    public SourceLocator(string repoRoot, IEnumerable<string> sourceDirectories = null)
    {
        _repoRoot = repoRoot == null ? null : Path.GetFullPath(repoRoot);
        _sourceDirectories = sourceDirectories?.ToList() ?? new List<string>();
    }

    public (string File, int? Line) Locate(UseSite site)
    {
        if (site.Type == null)
        {
            return (null, null);
        }

        if (site.Method != null)
        {
            if (site.Instruction != null)
            {
                SequencePoint point = Nearest(site.Method, site.Instruction);
                if (point != null)
                {
                    return (Relative(point.Document.Url), point.StartLine);
                }
            }

            return MethodLocation(site.Method);
        }

        return site.Member switch
        {
            FieldDefinition field => FieldLocation(field),
            PropertyDefinition property => PropertyLocation(property),
            EventDefinition @event => Declared(site.Type, @event.Name, MemberShape.Event, null),
            _ => TypeLocation(site.Type),
        };
    }

    /// <summary>Repository-relative path with forward slashes; paths outside the repository stay absolute.</summary>
    public string Relative(string path)
    {
        if (path == null)
        {
            return null;
        }

        if (_repoRoot != null && Path.IsPathRooted(path))
        {
            string relative = Path.GetRelativePath(_repoRoot, Path.GetFullPath(path));
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                return relative.Replace('\\', '/');
            }
        }

        return path.Replace('\\', '/');
    }

    private static List<SequencePoint> VisiblePoints(MethodDefinition method)
    {
        if (method == null || !method.DebugInformation.HasSequencePoints)
        {
            return new List<SequencePoint>();
        }

        return method.DebugInformation.SequencePoints.Where(p => !p.IsHidden).OrderBy(p => p.Offset).ToList();
    }

    private static SequencePoint Nearest(MethodDefinition method, Instruction instruction)
    {
        List<SequencePoint> points = VisiblePoints(method);
        if (points.Count == 0)
        {
            return null;
        }

        SequencePoint best = null;
        foreach (SequencePoint point in points)
        {
            if (point.Offset > instruction.Offset)
            {
                break;
            }

            best = point;
        }

        return best ?? points[0];
    }

    private (string File, int? Line) MethodLocation(MethodDefinition method)
    {
        List<SequencePoint> points = VisiblePoints(method);
        int? first = points.Count > 0 ? points[0].StartLine : null;
        string file = points.Count > 0 ? points[0].Document.Url : TypeFile(method.DeclaringType);
        if (file == null)
        {
            return (null, null);
        }

        // Lambdas and local functions: their own first line is the best there is.
        if (method.Name.StartsWith('<') && first != null)
        {
            return (Relative(file), first);
        }

        int? line = _declarations.FindMember(file, MemberDisplay.SourceName(method), MemberShape.Method, first) ?? first;
        return (Relative(file), line);
    }

    private (string File, int? Line) FieldLocation(FieldDefinition field)
    {
        string owner = MemberDisplay.StateMachineOwner(field.DeclaringType);
        if (owner != null)
        {
            return Declared(field.DeclaringType, owner, MemberShape.Method, null);
        }

        // Auto-property backing field: <Name>k__BackingField.
        if (field.Name.StartsWith('<'))
        {
            string property = field.Name.Substring(1, Math.Max(0, field.Name.IndexOf('>') - 1));
            PropertyDefinition declared = field.DeclaringType.Properties.FirstOrDefault(p => p.Name == property);
            return declared != null ? PropertyLocation(declared) : Declared(field.DeclaringType, property, MemberShape.Property, null);
        }

        return Declared(field.DeclaringType, field.Name, MemberShape.Field, null);
    }

    private (string File, int? Line) PropertyLocation(PropertyDefinition property)
    {
        MethodDefinition accessor = property.GetMethod ?? property.SetMethod;
        List<SequencePoint> points = VisiblePoints(accessor);
        int? near = points.Count > 0 ? points[0].StartLine : null;
        string name = property.Parameters.Count > 0 ? "this" : property.Name;
        string file = points.Count > 0 ? points[0].Document.Url : TypeFile(property.DeclaringType);
        int? line = file == null ? null : _declarations.FindMember(file, name, MemberShape.Property, near) ?? near;
        return (Relative(file), line);
    }

    private (string File, int? Line) Declared(TypeDefinition type, string name, MemberShape shape, int? near)
    {
        string file = TypeFile(type);
        return file == null ? (null, null) : (Relative(file), _declarations.FindMember(file, name, shape, near));
    }

    private (string File, int? Line) TypeLocation(TypeDefinition type)
    {
        string owner = MemberDisplay.StateMachineOwner(type);
        if (owner != null)
        {
            return Declared(type, owner, MemberShape.Method, null);
        }

        TypeDefinition user = MemberDisplay.UserType(type);
        string file = TypeFile(type);
        if (file == null)
        {
            return (null, null);
        }

        string name = user.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        return (Relative(file), _declarations.FindType(file, tick < 0 ? name : name.Substring(0, tick)));
    }

    /// <summary>The source file of a type: from its (or its nested types') sequence points, its declaring type, or a source search.</summary>
    private string TypeFile(TypeDefinition type)
    {
        if (type == null)
        {
            return null;
        }

        if (_typeFiles.TryGetValue(type, out string cached))
        {
            return cached;
        }

        _typeFiles[type] = null; // guards against cycles while searching
        string file = FileFromPoints(type);
        if (file == null && type.DeclaringType != null)
        {
            file = TypeFile(type.DeclaringType);
        }

        if (file == null && _sourceDirectories.Count > 0)
        {
            TypeDefinition user = MemberDisplay.UserType(type);
            string name = user.Name;
            int tick = name.IndexOf('`', StringComparison.Ordinal);
            file = _declarations.FindTypeFile(_sourceDirectories, tick < 0 ? name : name.Substring(0, tick));
        }

        _typeFiles[type] = file;
        return file;
    }

    private static string FileFromPoints(TypeDefinition type)
    {
        foreach (MethodDefinition method in type.Methods)
        {
            List<SequencePoint> points = VisiblePoints(method);
            if (points.Count > 0)
            {
                return points[0].Document.Url;
            }
        }

        foreach (TypeDefinition nested in type.NestedTypes)
        {
            string file = FileFromPoints(nested);
            if (file != null)
            {
                return file;
            }
        }

        return null;
    }
}
