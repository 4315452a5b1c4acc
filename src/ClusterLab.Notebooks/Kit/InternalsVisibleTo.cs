using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("ClusterLab.Tool.Tests")]
